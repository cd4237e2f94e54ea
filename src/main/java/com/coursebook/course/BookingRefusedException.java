package com.coursebook.course;

/** The rules refuse the course (a block, or a warning no clinician has confirmed). Rendered as 422. */
public class BookingRefusedException extends RuntimeException {

    private final CourseCheck check;

    BookingRefusedException(CourseCheck check) {
        super("booking refused by the rules");
        this.check = check;
    }

    public CourseCheck check() {
        return check;
    }
}
