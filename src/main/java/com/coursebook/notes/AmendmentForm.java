package com.coursebook.notes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A correction of a signed note: why it is needed, and what is corrected. */
public class AmendmentForm {

    @NotBlank(message = "{note.amendment.reason.required}")
    @Size(max = 500, message = "{field.tooLong}")
    private String reason;

    @NotBlank(message = "{note.amendment.text.required}")
    @Size(max = 4000, message = "{field.tooLong}")
    private String text;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
