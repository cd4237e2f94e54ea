package com.coursebook.course;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.coursebook.rules.FindingRenderer;
import com.coursebook.security.Staff;

import org.springframework.stereotype.Component;

/**
 * Puts a decision into words for the reader: their language, and clinical detail only for clinicians. Used at the
 * edge (controllers, the API's and the screens' advice); services hand out decisions, never sentences.
 */
@Component
public class DecisionRenderer {

    private final FindingRenderer findings;

    DecisionRenderer(FindingRenderer findings) {
        this.findings = findings;
    }

    public CourseCheck render(Decision decision, Locale locale) {
        boolean clinician = Staff.currentIsClinician();
        Decision.Subject subject = decision.subject();
        List<CourseCheck.ProposedSession> sessions = decision.proposed().stream()
                .map(p -> new CourseCheck.ProposedSession(p.number(), p.startsAt(), p.endsAt(), p.handsOnMinutes(),
                        p.verdict()))
                .toList();
        return new CourseCheck(decision.allowed(), subject.patientId(), subject.program().getCode(),
                subject.practitionerId(), subject.cadenceDays(), sessions,
                findings.render(decision.shown(), locale, clinician), decision.skipped(), decision.earliestStart(),
                clinician ? decision.warningKeys() : Set.of());
    }
}
