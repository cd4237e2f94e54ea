package com.coursebook.review;

import java.time.LocalDate;

/** One course behind a dashboard number: who, what, with whom, when it started, how it stands. */
public record ReviewCourse(Long id, String patientName, String recordNumber, String program, String practitioner,
        LocalDate started, String status, String statusReason, long attended, int prescribed, long noShows) {
}
