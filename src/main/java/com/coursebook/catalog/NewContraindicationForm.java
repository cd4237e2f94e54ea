package com.coursebook.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A contraindication an admin adds: a code, names in both languages and its temporality, all required. */
public class NewContraindicationForm extends ContraindicationForm {

    @NotBlank(message = "{catalog.code.pattern}")
    @Pattern(regexp = RoomType.CODE_PATTERN, message = "{catalog.code.pattern}")
    private String code;

    public NewContraindicationForm() {
        setVersion(0L);
        setActive(true);
    }

    @Override
    @NotBlank(message = "{catalog.name.required}")
    public String getNameEn() {
        return super.getNameEn();
    }

    @Override
    @NotBlank(message = "{catalog.name.required}")
    public String getNameRu() {
        return super.getNameRu();
    }

    @Override
    @NotNull(message = "{catalog.value.required}")
    public Temporality getTemporality() {
        return super.getTemporality();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }
}
