package com.coursebook.review;

import java.time.LocalDateTime;
import java.util.List;

/** A read-only view of one course for an admin: its sessions and acts, no clinical notes or findings. */
public record CourseSummary(ReviewCourse course, List<Session> sessions, List<Act> acts) {

    public record Session(int number, LocalDateTime startsAt, String status, boolean flagged) {
    }

    public record Act(String act, @com.coursebook.shared.StaffLogin String actor, LocalDateTime at) {
    }
}
