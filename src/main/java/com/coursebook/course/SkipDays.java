package com.coursebook.course;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

import com.coursebook.patient.Patient;
import com.coursebook.rules.Facts;
import com.coursebook.rules.MenstruationForecast;
import com.coursebook.scheduling.WorkingHoursRepository;
import com.coursebook.shared.Sex;

import org.springframework.stereotype.Component;

/** The days a plan passes over: the practitioner's days off and, where the program pauses, predicted periods. */
@Component
class SkipDays {

    private final WorkingHoursRepository workingHours;

    SkipDays(WorkingHoursRepository workingHours) {
        this.workingHours = workingHours;
    }

    Predicate<LocalDate> forCourse(Long practitionerId, Patient patient, Facts.Program program, Facts.Patient facts,
            boolean skipMenstruation) {
        Set<DayOfWeek> workingDays = workingHours.workingDays(practitionerId);
        Predicate<LocalDate> dayOff = date -> !workingDays.isEmpty() && !workingDays.contains(date.getDayOfWeek());
        return skipMenstruation && program.pausesForMenstruation() && patient.getSex() == Sex.FEMALE
                ? dayOff.or(date -> MenstruationForecast.isPredicted(facts.cycle(), date))
                : dayOff;
    }
}
