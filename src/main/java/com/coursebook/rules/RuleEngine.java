package com.coursebook.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.coursebook.rules.Facts.Proposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs every rule on a proposal and returns every finding, not just the first. Fails closed: a rule that
 * cannot evaluate yields a BLOCK, so an error never lets an unchecked session through.
 */
@Component
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    public static final String ENGINE_ERROR = "ENGINE_ERROR";

    private final List<Rule> rules;

    public RuleEngine() {
        this(List.of(new EligibilityRule(), new QualificationRule(), new CourseLengthRule(), new CadenceRule(),
                new ExaminationRule(), new ActiveConditionRule(), new EventWindowRule(), new MenstruationRule(),
                new WorkingHoursRule()));
    }

    RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Evaluation evaluate(Proposal proposal) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            try {
                findings.addAll(rule.evaluate(proposal));
            }
            catch (RuntimeException ex) {
                log.error("Rule {} could not evaluate; refusing", rule.code(), ex);
                findings.add(failure(rule.code()));
            }
        }
        return new Evaluation(findings);
    }

    /** The evaluation that refuses everything, for when the facts themselves could not be read. */
    public static Evaluation refusal() {
        return new Evaluation(List.of(failure("FACTS")));
    }

    private static Finding failure(String what) {
        return new Finding(ENGINE_ERROR, FindingSeverity.BLOCK, null, null, new Text("finding.engineError"),
                new Text("detail.engineError", what), null, null);
    }

    /**
     * The first start date after {@code blockedStart} from which the whole course could be booked, planning
     * it again for each candidate start (so skipped days and cadence are kept). Empty when a block does not
     * depend on dates (wrong sex, unqualified practitioner, ...), or nothing works within the horizon.
     *
     * @param planFrom plans the course's session dates for a given first date
     */
    public Optional<LocalDate> earliestStart(Proposal blocked, LocalDate blockedStart,
            Function<LocalDate, List<LocalDate>> planFrom, int horizonDays) {
        List<String> dateIndependent = rules.stream().filter(rule -> !rule.dateDependent()).map(Rule::code).toList();
        if (evaluate(blocked).blocks().stream().anyMatch(f -> dateIndependent.contains(f.rule())
                || f.rule().equals(ENGINE_ERROR))) {
            return Optional.empty();
        }
        for (int day = 1; day <= horizonDays; day++) {
            LocalDate start = blockedStart.plusDays(day);
            List<LocalDate> dates = planFrom.apply(start);
            if (!dates.isEmpty() && !evaluate(blocked.withDates(dates)).hasBlocks()) {
                return Optional.of(dates.get(0)); // the plan may pass over the candidate day itself (a day off)
            }
        }
        return Optional.empty();
    }
}
