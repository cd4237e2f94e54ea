package com.coursebook.scheduling;

import java.time.Instant;
import java.util.List;

import com.coursebook.shared.TimeSlot;

/**
 * The time a practitioner already has booked, for free-slot search. Scheduling declares what it needs and the
 * module that owns the sessions ({@code course}) provides it, so scheduling never reads another module's table.
 */
public interface BookedTime {

    /** Sessions (not cancelled) of the practitioner that touch [from, to), in order. */
    List<TimeSlot> of(Long practitionerId, Instant from, Instant to);
}
