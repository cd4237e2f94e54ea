package com.coursebook.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.coursebook.catalog.Severity;
import com.coursebook.catalog.Temporality;
import com.coursebook.rules.Facts.Condition;
import com.coursebook.rules.Facts.Cycle;
import com.coursebook.rules.Facts.Patient;
import com.coursebook.rules.Facts.Proposal;
import com.coursebook.shared.Bilingual;
import com.coursebook.shared.Sex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random patients, conditions and courses: no session on a date covered by an active absolute
 * contraindication is ever reported bookable. The oracle below is written independently of the rules.
 */
class NoBookingOnBlockedDatesProperties {

    final RuleEngine engine = new RuleEngine();

    @Property(tries = 1000)
    @Label("no session on a date covered by an active absolute contraindication is ever bookable")
    void neverBookable(@ForAll("scenarios") Scenario scenario) {
        Evaluation evaluation = engine.evaluate(scenario.proposal());
        for (int i = 0; i < scenario.dates().size(); i++) {
            LocalDate date = scenario.dates().get(i);
            int session = i + 1;
            if (scenario.coveredByAbsolute(date)) {
                assertThat(evaluation.blockedSessions()).as("session %d on %s", session, date).contains(session);
                assertThat(evaluation.isBookable(evaluation.warningKeys())).isFalse();
            }
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        LocalDate base = LocalDate.of(2026, 1, 1);
        Arbitrary<Condition> condition = Combinators.combine(
                Arbitraries.of(Severity.values()),
                Arbitraries.of(Temporality.PERMANENT, Temporality.EPISODIC, Temporality.WINDOW_AFTER_EVENT),
                Arbitraries.integers().between(0, 120),   // onset offset
                Arbitraries.integers().between(0, 60).injectNull(0.3),  // expected length
                Arbitraries.integers().between(0, 90).injectNull(0.6),  // resolved after
                Arbitraries.integers().between(7, 90))     // window days
                .as((severity, temporality, onset, length, resolvedAfter, window) -> new Condition(1L, "C",
                        new Bilingual("c", "c"), severity, temporality,
                        temporality == Temporality.WINDOW_AFTER_EVENT ? window : null, base.plusDays(onset),
                        temporality == Temporality.EPISODIC && length != null ? base.plusDays(onset + length) : null,
                        resolvedAfter == null ? null : base.plusDays(onset + resolvedAfter)));
        Arbitrary<Cycle> cycle = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(21, 40), Arbitraries.integers().between(2, 8))
                .as((start, length, period) -> new Cycle(base.plusDays(start), length, period, List.of()))
                .injectNull(0.3);
        return Combinators.combine(Arbitraries.of(Sex.values()), condition.list().ofMaxSize(4), cycle,
                Arbitraries.integers().between(0, 150), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 30))
                .as((sex, conditions, cycleData, startOffset, cadence, count) -> {
                    List<LocalDate> dates = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        dates.add(base.plusDays(startOffset + (long) i * cadence));
                    }
                    return new Scenario(new Patient(1L, sex, conditions, sex == Sex.FEMALE ? cycleData : null,
                            List.of(new Facts.Examination(base.plusDays(startOffset), true))), dates);
                });
    }

    record Scenario(Patient patient, List<LocalDate> dates) {

        Proposal proposal() {
            return Proposal.booking(patient, Fixtures.GYNECOLOGICAL, Fixtures.GYNECOLOGIST, dates);
        }

        /** Independent oracle: is any absolute condition (or a predicted period) in force on this date? */
        boolean coveredByAbsolute(LocalDate date) {
            for (Condition c : patient.conditions()) {
                if (c.severity() != Severity.ABSOLUTE || date.isBefore(c.onset())) {
                    continue;
                }
                if (c.resolvedOn() != null && !date.isBefore(c.resolvedOn())) {
                    continue;
                }
                LocalDate lastDay = c.temporality() == Temporality.WINDOW_AFTER_EVENT
                        ? c.onset().plusDays(c.windowDays() - 1L) : c.expectedEnd();
                if (lastDay == null || !date.isAfter(lastDay)) {
                    return true;
                }
            }
            Cycle cycle = patient.cycle();
            if (cycle != null && !date.isBefore(cycle.lastPeriodStart())) {
                long day = (date.toEpochDay() - cycle.lastPeriodStart().toEpochDay()) % cycle.cycleLengthDays();
                return day < cycle.periodLengthDays();
            }
            return false;
        }
    }
}
