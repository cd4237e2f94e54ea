package com.coursebook.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.coursebook.catalog.Severity;
import com.coursebook.rules.Facts.Cycle;
import com.coursebook.rules.Facts.Patient;
import com.coursebook.rules.Facts.Proposal;
import com.coursebook.shared.Sex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.coursebook.rules.Fixtures.GYNECOLOGIST;
import static com.coursebook.rules.Fixtures.MONDAY;
import static com.coursebook.rules.Fixtures.PROSTATE;
import static com.coursebook.rules.Fixtures.episodic;
import static com.coursebook.rules.Fixtures.every;
import static com.coursebook.rules.Fixtures.gynecologicalCourse;
import static com.coursebook.rules.Fixtures.man;
import static com.coursebook.rules.Fixtures.permanent;
import static com.coursebook.rules.Fixtures.prostateCourse;
import static com.coursebook.rules.Fixtures.resolved;
import static com.coursebook.rules.Fixtures.window;
import static com.coursebook.rules.Fixtures.woman;
import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    final RuleEngine engine = new RuleEngine();

    @Nested
    @DisplayName("an active condition")
    class ActiveCondition {

        @Test
        @DisplayName("blocks prostate massage on every session date while acute prostatitis is active, saying until when")
        void blocksWhileActive() {
            var prostatitis = episodic("ACUTE_PROSTATITIS", Severity.ABSOLUTE, MONDAY, MONDAY.plusDays(10));
            Evaluation evaluation = engine.evaluate(prostateCourse(man(prostatitis), every(2, MONDAY.plusDays(1), 10)));

            // sessions on day 1, 3, 5, 7, 9 fall inside onset..onset+10; day 11 onwards is free
            assertThat(evaluation.blockedSessions()).containsExactly(1, 2, 3, 4, 5);
            assertThat(evaluation.blocks()).allSatisfy(f -> {
                assertThat(f.rule()).isEqualTo("CONTRAINDICATION");
                assertThat(f.conditionCode()).isEqualTo("ACUTE_PROSTATITIS");
                assertThat(f.clearsOn()).isEqualTo(MONDAY.plusDays(11));
                assertThat(f.message().code()).isEqualTo("finding.block.until");
            });
        }

        @Test
        @DisplayName("does not block a session on the day after the condition's expected end, only one on the end day")
        void endsTheDayBefore() {
            var fever = episodic("FEVER", Severity.ABSOLUTE, MONDAY.minusDays(5), MONDAY);
            Evaluation onTheEnd = engine.evaluate(prostateCourse(man(fever), every(2, MONDAY, 8)));
            assertThat(onTheEnd.blockedSessions()).containsExactly(1);
            Evaluation dayAfter = engine.evaluate(prostateCourse(man(fever), every(2, MONDAY.plusDays(1), 8)));
            assertThat(dayAfter.hasBlocks()).isFalse();
        }

        @Test
        @DisplayName("blocks a session on the condition's last expected day")
        void lastDayCounts() {
            var fever = episodic("FEVER", Severity.ABSOLUTE, MONDAY.minusDays(5), MONDAY.plusDays(1));
            Evaluation evaluation = engine.evaluate(prostateCourse(man(fever), every(2, MONDAY.plusDays(1), 8)));
            assertThat(evaluation.blockedSessions()).containsExactly(1);
        }

        @Test
        @DisplayName("warns (does not block) for a relative contraindication such as prostate adenoma")
        void relativeWarns() {
            var adenoma = permanent("PROSTATE_ADENOMA", Severity.RELATIVE, MONDAY.minusYears(1));
            Evaluation evaluation = engine.evaluate(prostateCourse(man(adenoma), every(2, MONDAY.plusDays(1), 10)));
            assertThat(evaluation.hasBlocks()).isFalse();
            assertThat(evaluation.warningKeys()).containsExactly("CONTRAINDICATION:PROSTATE_ADENOMA");
            assertThat(evaluation.isBookable(List.of())).isFalse();
            assertThat(evaluation.isBookable(List.of("CONTRAINDICATION:PROSTATE_ADENOMA"))).isTrue();
        }

        @Test
        @DisplayName("no longer counts from the day it was resolved")
        void resolvedCondition() {
            var tumour = permanent("MALIGNANT_TUMOUR", Severity.ABSOLUTE, MONDAY.minusYears(2));
            Evaluation evaluation = engine.evaluate(prostateCourse(man(resolved(tumour, MONDAY.plusDays(5))),
                    every(2, MONDAY.plusDays(1), 10)));
            assertThat(evaluation.blockedSessions()).containsExactly(1, 2); // days 1 and 3; day 5 is free
            assertThat(evaluation.blocks().get(0).clearsOn()).isEqualTo(MONDAY.plusDays(5));
        }

        @Test
        @DisplayName("one that lasts until resolved keeps blocking after an expected end typed on an old row")
        void untilResolvedIgnoresExpectedEnd() {
            var typed = new com.coursebook.rules.Facts.Condition(2L, "MALIGNANT_TUMOUR",
                    new com.coursebook.shared.Bilingual("t", "t"), Severity.ABSOLUTE,
                    com.coursebook.catalog.Temporality.PERMANENT, null, MONDAY.minusYears(2), MONDAY.plusDays(2), null);
            Evaluation evaluation = engine.evaluate(prostateCourse(man(typed), every(2, MONDAY.plusDays(1), 8)));
            assertThat(evaluation.blockedSessions()).hasSize(8);
            assertThat(evaluation.blocks()).allSatisfy(f -> assertThat(f.clearsOn()).isNull());
        }

        @Test
        @DisplayName("without an expected end blocks with no date, so nobody promises one")
        void openEnded() {
            var tumour = permanent("MALIGNANT_TUMOUR", Severity.ABSOLUTE, MONDAY.minusYears(2));
            Evaluation evaluation = engine.evaluate(prostateCourse(man(tumour), every(2, MONDAY.plusDays(1), 8)));
            assertThat(evaluation.blockedSessions()).hasSize(8);
            assertThat(evaluation.blocks()).allSatisfy(f -> assertThat(f.clearsOn()).isNull());
            assertThat(evaluation.blocks().get(0).message().code()).isEqualTo("finding.block.open");
        }
    }

    @Nested
    @DisplayName("a window after an event")
    class EventWindow {

        @Test
        @DisplayName("blocks only the sessions inside the 8 weeks after childbirth; the window ends mid-course")
        void windowEndsMidCourse() {
            LocalDate birth = MONDAY.minusWeeks(6);
            Patient patient = woman(null, window("CHILDBIRTH_OR_SURGERY", birth, 56));
            Evaluation evaluation = engine.evaluate(gynecologicalCourse(patient, every(1, MONDAY, 20)));
            // 56 days after the birth is MONDAY + 14: sessions on MONDAY..MONDAY+13 are blocked
            assertThat(evaluation.blockedSessions()).hasSize(14).contains(1, 14).doesNotContain(15);
            assertThat(evaluation.blocks()).allSatisfy(f -> {
                assertThat(f.rule()).isEqualTo("EVENT_WINDOW");
                assertThat(f.clearsOn()).isEqualTo(birth.plusDays(56));
            });
        }
    }

    @Nested
    @DisplayName("predicted menstruation")
    class Menstruation {

        final Cycle cycle = new Cycle(MONDAY.plusDays(3), 28, 5, List.of());

        @Test
        @DisplayName("blocks gynecological sessions on predicted period days and says when the period ends")
        void blocksPeriodDays() {
            Evaluation evaluation = engine.evaluate(gynecologicalCourse(woman(cycle), every(1, MONDAY, 12)));
            // period MONDAY+3 .. MONDAY+7
            assertThat(evaluation.blockedSessions()).containsExactly(4, 5, 6, 7, 8);
            assertThat(evaluation.blocks()).allSatisfy(f -> assertThat(f.clearsOn()).isEqualTo(MONDAY.plusDays(8)));
        }

        @Test
        @DisplayName("predicts the next cycles too, and re-anchors on a reported start")
        void laterCyclesAndReportedStarts() {
            assertThat(MenstruationForecast.isPredicted(cycle, MONDAY.plusDays(31))).isTrue();
            assertThat(MenstruationForecast.isPredicted(cycle, MONDAY.plusDays(36))).isFalse();
            Cycle reported = new Cycle(MONDAY.plusDays(3), 28, 5, List.of(MONDAY.plusDays(33)));
            assertThat(MenstruationForecast.isPredicted(reported, MONDAY.plusDays(31))).isFalse();
            assertThat(MenstruationForecast.isPredicted(reported, MONDAY.plusDays(36))).isTrue();
        }

        @Test
        @DisplayName("without cycle data says so (INFO) rather than guessing")
        void noCycleData() {
            Evaluation evaluation = engine.evaluate(gynecologicalCourse(woman(null), every(1, MONDAY, 12)));
            assertThat(evaluation.hasBlocks()).isFalse();
            assertThat(evaluation.findings()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("MENSTRUATION");
                assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
            });
        }
    }

    @Test
    @DisplayName("refuses a gynecological program for a male patient")
    void eligibility() {
        Patient man = new Patient(1L, Sex.MALE, List.of(), null, List.of(Fixtures.clearedExam()));
        Evaluation evaluation = engine.evaluate(gynecologicalCourse(man, every(1, MONDAY, 12)));
        assertThat(evaluation.blocks()).extracting(Finding::rule).containsExactly("ELIGIBILITY");
        assertThat(evaluation.blocks().get(0).session()).isNull();
    }

    @Test
    @DisplayName("refuses a practitioner who is not qualified for the program")
    void qualification() {
        Evaluation evaluation = engine.evaluate(Proposal.booking(man(), PROSTATE, GYNECOLOGIST,
                every(2, MONDAY, 10)));
        assertThat(evaluation.blocks()).extracting(Finding::rule).containsExactly("QUALIFICATION");
    }

    @Test
    @DisplayName("refuses sessions closer than the minimum gap, and more than the weekly maximum")
    void cadence() {
        Evaluation daily = engine.evaluate(prostateCourse(man(), every(1, MONDAY, 8)));
        assertThat(daily.blocks()).extracting(Finding::rule).containsOnly("CADENCE");
        assertThat(daily.blockedSessions()).contains(2, 3, 8);
        Evaluation everyOtherDay = engine.evaluate(prostateCourse(man(), every(2, MONDAY, 10)));
        assertThat(everyOtherDay.hasBlocks()).isFalse();
    }

    @Test
    @DisplayName("refuses a course shorter or longer than the program allows")
    void courseLength() {
        assertThat(engine.evaluate(prostateCourse(man(), every(2, MONDAY, 7))).blocks())
                .extracting(Finding::rule).containsExactly("COURSE_LENGTH");
        assertThat(engine.evaluate(prostateCourse(man(), every(2, MONDAY, 16))).blocks())
                .extracting(Finding::rule).contains("COURSE_LENGTH");
        assertThat(engine.evaluate(prostateCourse(man(), every(2, MONDAY, 15))).hasBlocks()).isFalse();
    }

    @Nested
    @DisplayName("the prior examination")
    class Examination {

        final Patient unexamined = new Patient(1L, Sex.MALE, List.of(), null, List.of());

        @Test
        @DisplayName("is only noted at booking: the first session starts with it")
        void infoAtBooking() {
            Evaluation evaluation = engine.evaluate(prostateCourse(unexamined, every(2, MONDAY, 10)));
            assertThat(evaluation.hasBlocks()).isFalse();
            assertThat(evaluation.findings()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("EXAMINATION");
                assertThat(f.severity()).isEqualTo(FindingSeverity.INFO);
            });
        }

        @Test
        @DisplayName("is a hard stop at check-in")
        void blockAtCheckIn() {
            Proposal checkIn = new Proposal(unexamined, PROSTATE, Fixtures.UROLOGIST, List.of(MONDAY), MONDAY,
                    Stage.CHECK_IN);
            assertThat(engine.evaluate(checkIn).blocks()).extracting(Finding::rule).containsExactly("EXAMINATION");
        }

        @Test
        @DisplayName("blocks at booking when the clinic raises it, and always when the examination did not clear")
        void raisedOrNotCleared() {
            var strict = new Facts.Program("PROSTATE_MASSAGE", PROSTATE.name(), PROSTATE.eligibleSex(), 8, 15, 2, 4,
                    true, 30, true, null);
            assertThat(engine.evaluate(Proposal.booking(unexamined, strict, Fixtures.UROLOGIST, every(2, MONDAY, 10)))
                    .blocks()).extracting(Finding::rule).containsExactly("EXAMINATION");
            Patient notCleared = new Patient(1L, Sex.MALE, List.of(), null,
                    List.of(new Facts.Examination(MONDAY.minusDays(1), false)));
            assertThat(engine.evaluate(prostateCourse(notCleared, every(2, MONDAY, 10))).blocks())
                    .extracting(Finding::rule).containsExactly("EXAMINATION");
        }

        @Test
        @DisplayName("expires after the program's validity period")
        void expires() {
            Patient old = new Patient(1L, Sex.MALE, List.of(), null,
                    List.of(new Facts.Examination(MONDAY.minusDays(31), true)));
            assertThat(engine.evaluate(prostateCourse(old, every(2, MONDAY, 10))).findings())
                    .anySatisfy(f -> assertThat(f.rule()).isEqualTo("EXAMINATION"));
        }
    }

    @Test
    @DisplayName("returns every finding, not just the first")
    void everyFinding() {
        var fever = episodic("FEVER", Severity.ABSOLUTE, MONDAY, MONDAY.plusDays(3));
        var adenoma = permanent("PROSTATE_ADENOMA", Severity.RELATIVE, MONDAY.minusYears(1));
        Evaluation evaluation = engine.evaluate(Proposal.booking(man(fever, adenoma), PROSTATE, GYNECOLOGIST,
                every(1, MONDAY, 8)));
        assertThat(evaluation.findings()).extracting(Finding::rule)
                .contains("QUALIFICATION", "CADENCE", "CONTRAINDICATION");
        assertThat(evaluation.findings()).extracting(Finding::severity)
                .contains(FindingSeverity.BLOCK, FindingSeverity.WARN);
    }

    @Test
    @DisplayName("fails closed: a rule that throws turns into a block")
    void failsClosed() {
        Rule broken = new Rule() {
            public String code() {
                return "BROKEN";
            }

            public boolean dateDependent() {
                return true;
            }

            public List<Finding> evaluate(Proposal proposal) {
                throw new IllegalStateException("boom");
            }
        };
        Evaluation evaluation = new RuleEngine(List.of(broken)).evaluate(prostateCourse(man(), every(2, MONDAY, 10)));
        assertThat(evaluation.blocks()).extracting(Finding::rule).containsExactly("ENGINE_ERROR");
        assertThat(evaluation.isBookable(Set.of())).isFalse();
    }

    @Nested
    @DisplayName("the earliest start")
    class EarliestStart {

        @Test
        @DisplayName("is the first day from which the whole course avoids the condition")
        void afterTheCondition() {
            var prostatitis = episodic("ACUTE_PROSTATITIS", Severity.ABSOLUTE, MONDAY, MONDAY.plusDays(10));
            LocalDate first = MONDAY.plusDays(1);
            Proposal proposal = prostateCourse(man(prostatitis), every(2, first, 10));
            Optional<LocalDate> earliest = engine.earliestStart(proposal, first, start -> every(2, start, 10), 365);
            assertThat(earliest).contains(MONDAY.plusDays(11));
        }

        @Test
        @DisplayName("does not exist when the block does not depend on dates")
        void noneForEligibility() {
            Patient man = new Patient(1L, Sex.MALE, List.of(), null, List.of());
            Proposal proposal = gynecologicalCourse(man, every(1, MONDAY, 12));
            assertThat(engine.earliestStart(proposal, MONDAY, start -> every(1, start, 12), 365)).isEmpty();
        }

        @Test
        @DisplayName("does not exist while a permanent condition is unresolved")
        void noneForPermanent() {
            var tumour = permanent("MALIGNANT_TUMOUR", Severity.ABSOLUTE, MONDAY.minusYears(1));
            Proposal proposal = prostateCourse(man(tumour), every(2, MONDAY, 10));
            assertThat(engine.earliestStart(proposal, MONDAY, start -> every(2, start, 10), 60)).isEmpty();
        }
    }
}
