package com.coursebook.course;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A course to check or book. Times are local date-times in the clinic's zone.
 *
 * @param practitionerId            null for "any qualified practitioner" (the first whose plan passes)
 * @param sessionCount              defaults to the program's usual count
 * @param cadenceDays               days between sessions; defaults to the program's cadence
 * @param skipPredictedMenstruation plan around predicted menstruation (default); false keeps the plain cadence,
 *                                  and sessions on those days are then blocked
 * @param overrides                 clinicians only: warnings confirmed, each with a written reason
 * @param sessionStarts             optional: the exact sessions (after adjusting single dates of a plan);
 *                                  replaces the planner, and the count follows the list
 */
public record CourseRequest(
        @NotNull(message = "{course.patient.required}") Long patientId,
        @NotBlank(message = "{course.program.required}") String programCode,
        Long practitionerId,
        @Min(value = 1, message = "{course.sessionCount.range}") @Max(value = 100, message = "{course.sessionCount.range}") Integer sessionCount,
        @NotNull(message = "{course.firstSessionAt.required}") LocalDateTime firstSessionAt,
        @Min(value = 1, message = "{course.cadence.range}") @Max(value = 14, message = "{course.cadence.range}") Integer cadenceDays,
        Boolean skipPredictedMenstruation,
        @Size(max = 50) List<@Valid Override> overrides,
        @Size(max = 100) List<LocalDateTime> sessionStarts) {

    public CourseRequest {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        sessionStarts = sessionStarts == null ? List.of() : sessionStarts.stream().filter(s -> s != null).toList();
    }

    public boolean skipsMenstruation() {
        return skipPredictedMenstruation == null || skipPredictedMenstruation;
    }

    /** A clinician's confirmation of one warning: its override key and why it is safe for this patient. */
    public record Override(
            @NotBlank(message = "{override.key.required}") String key,
            @NotBlank(message = "{override.reason.required}") @Size(min = 5, max = 2000, message = "{override.reason.length}") String reason) {
    }
}
