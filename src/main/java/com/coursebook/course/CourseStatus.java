package com.coursebook.course;

public enum CourseStatus {
    PLANNED, ACTIVE, PAUSED, COMPLETED, STOPPED, ABANDONED
}
