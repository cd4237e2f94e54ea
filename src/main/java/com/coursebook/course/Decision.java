package com.coursebook.course;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.coursebook.catalog.TreatmentProgram;
import com.coursebook.rules.Finding;
import com.coursebook.shared.TimeSlot;

/**
 * The booking policy's answer for a proposal of sessions: allowed, or refused with the findings that refuse it.
 * Codes and arguments only; the edge puts it into words in the reader's language ({@link DecisionRenderer}).
 *
 * @param subject   whose course, which program, with whom, at which interval
 * @param proposed  the sessions proposed for a new course, with their verdicts (empty for changes of a course)
 * @param shown     the findings to show: every finding for a new course, the refusing ones for a change
 * @param refusing  the blocks and unconfirmed warnings that concern this act
 * @param clash     a session already booked that one of the proposed sessions would overlap, if any
 * @param skipped   days the planner passed over (closures, leave, predicted menstruation)
 * @param earliestStart when refused for dates, the first start from which the whole course would pass
 * @param places    when allowed, where each placed session goes (time and room); empty when refused
 */
public record Decision(Subject subject, List<Proposed> proposed, List<Finding> shown, List<Finding> refusing,
        Optional<Clash> clash, List<LocalDate> skipped, LocalDate earliestStart, List<Place> places) {

    public Decision {
        proposed = List.copyOf(proposed);
        shown = List.copyOf(shown);
        refusing = List.copyOf(refusing);
        skipped = List.copyOf(skipped);
        places = List.copyOf(places);
        if ((!refusing.isEmpty() || clash.isPresent()) && !places.isEmpty()) {
            throw new IllegalArgumentException("A refusal places nothing");
        }
    }

    /** The same decision, with its sessions placed (rooms found) or refused by a clash. */
    Decision placed(List<Place> places, Optional<Clash> clash) {
        return new Decision(subject, proposed, shown, refusing, clash, skipped, earliestStart,
                clash.isPresent() ? List.of() : places);
    }

    /**
     * Where a session goes. {@code session} is the course's session being moved, or null for a new one.
     * Only an allowing decision has places, so only an allowed act can place a session.
     */
    public record Place(CourseSession session, TimeSlot slot, Long roomId) {
    }

    /** Whose course, which program, with whom, at which interval. */
    public record Subject(Long patientId, TreatmentProgram program, Long practitionerId, int cadenceDays) {
    }

    /** A proposed session of a new course and what the rules say of it. */
    public record Proposed(int number, LocalDateTime startsAt, LocalDateTime endsAt, int handsOnMinutes,
            Verdict verdict) {
    }

    /** A proposed session: fine, waiting for a clinician's confirmation, or blocked. */
    public enum Verdict {
        OK, WARNING, BLOCKED
    }

    /** An overlap with a session already booked, for the practitioner, the patient or every suitable room. */
    public record Clash(LocalDateTime startsAt, LocalDateTime endsAt, Whose whose) {
    }

    public enum Whose {
        PRACTITIONER, PATIENT, ROOM
    }

    public boolean allowed() {
        return refusing.isEmpty() && clash.isEmpty();
    }

    /** The places of an allowing decision; refuses (as {@link #orElseThrow()}) otherwise. */
    List<Place> placesAllowed() {
        orElseThrow();
        return places;
    }

    /** Refuses with the rules' findings (422 / the plan again) or, when only a slot is taken, with the clash (409). */
    public Decision orElseThrow() {
        if (!refusing.isEmpty()) {
            throw new BookingRefusedException(this);
        }
        clash.ifPresent(c -> {
            throw new SlotTakenException(c);
        });
        return this;
    }

    /** The override keys of the warnings shown, which a clinician may confirm with a reason. */
    public Set<String> warningKeys() {
        return shown.stream().filter(Finding::warns).map(Finding::overrideKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
