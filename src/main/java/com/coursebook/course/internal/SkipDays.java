package com.coursebook.course.internal;

import java.time.LocalDate;
import java.util.function.Predicate;

import com.coursebook.patient.Patient;
import com.coursebook.rules.Facts;
import com.coursebook.rules.MenstruationForecast;
import com.coursebook.scheduling.Availability;
import com.coursebook.shared.Sex;

import org.springframework.stereotype.Component;

/**
 * The days a plan passes over: the practitioner's days off, leave and clinic closures (from scheduling),
 * and, where the program pauses for it, predicted menstruation.
 */
@Component
public class SkipDays {

    private final Availability availability;

    SkipDays(Availability availability) {
        this.availability = availability;
    }

    public Predicate<LocalDate> forCourse(Long practitionerId, Patient patient, Facts.Program program, Facts.Patient facts,
            boolean skipMenstruation) {
        Predicate<LocalDate> unavailable = availability.unavailableDays(practitionerId);
        return skipMenstruation && program.pausesForMenstruation() && patient.getSex() == Sex.FEMALE
                ? unavailable.or(date -> MenstruationForecast.isPredicted(facts.cycle(), date))
                : unavailable;
    }
}
