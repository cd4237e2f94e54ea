package com.coursebook.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A treatment program an admin adds: everything a revision sets, and what defines it from then on, all required.
 * There is no version yet to send back.
 */
public class NewProgramForm extends ProgramForm {

    @NotBlank(message = "{catalog.code.pattern}")
    @Pattern(regexp = RoomType.CODE_PATTERN, message = "{catalog.code.pattern}")
    private String code;

    @NotNull(message = "{catalog.value.required}")
    private Specialty specialty;

    public NewProgramForm() {
        setVersion(0L);
        setActive(true);
        setRequiresExamination(false);
        setExaminationBlocksBooking(false);
        setSessionMinutesStep(0);
        setPausesForMenstruation(false);
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
    public EligibleSex getEligibleSex() {
        return super.getEligibleSex();
    }

    @Override
    @NotNull(message = "{catalog.value.required}")
    public Integer getFirstSessionMinutes() {
        return super.getFirstSessionMinutes();
    }

    @Override
    @NotNull(message = "{catalog.value.required}")
    public Integer getMaxSessionMinutes() {
        return super.getMaxSessionMinutes();
    }

    @Override
    @NotNull(message = "{catalog.value.required}")
    public Integer getSessionMinutesStep() {
        return super.getSessionMinutesStep();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public void setSpecialty(Specialty specialty) {
        this.specialty = specialty;
    }
}
