package com.coursebook.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.coursebook.shared.Bilingual;

/** A room type as the admin adds or renames it (the code is only read when adding). */
public class RoomTypeForm {

    private String code;

    @NotBlank(message = "{catalog.name.required}")
    @Size(max = RoomType.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String nameEn;

    @NotBlank(message = "{catalog.name.required}")
    @Size(max = RoomType.NAME_MAX_LENGTH, message = "{field.tooLong}")
    private String nameRu;

    public Bilingual name() {
        return new Bilingual(nameEn, nameRu);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getNameRu() {
        return nameRu;
    }

    public void setNameRu(String nameRu) {
        this.nameRu = nameRu;
    }
}
