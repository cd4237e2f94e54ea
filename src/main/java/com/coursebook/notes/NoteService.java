package com.coursebook.notes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.coursebook.audit.AuditTrail;
import com.coursebook.catalog.Catalog;
import com.coursebook.course.CourseLifecycle;
import com.coursebook.course.CourseQueries;
import com.coursebook.course.CourseStatus;
import com.coursebook.course.CourseView;
import com.coursebook.course.SessionLocks;
import com.coursebook.course.SessionStatus;
import com.coursebook.patient.PatientService;
import com.coursebook.security.Staff;
import com.coursebook.security.StaffNames;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.ConflictException;
import com.coursebook.shared.InvalidRequestException;
import com.coursebook.shared.NotPermittedException;
import com.coursebook.shared.NotFoundException;
import com.coursebook.shared.Phrase;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session notes for clinicians: drafts, signing, amendments and reading, each act and each read in the
 * audit trail. Signing a note that reports pain after a gynecological massage, an adverse event or a worse
 * condition holds the course's following sessions until a clinician reviews it.
 */
@Service
@Transactional // not read-only: every read of a note writes its audit line
@PreAuthorize("hasRole('CLINICIAN')") // receptionists never read note content
public class NoteService {

    private final SessionNotes notes;

    private final NoteAmendments amendments;

    private final CourseQueries courses;

    private final CourseLifecycle lifecycle;

    private final PatientService patients;

    private final AuditTrail audit;

    private final ClinicClock clock;

    private final Catalog catalog;

    private final StaffNames staffNames;

    private final SessionLocks locks;

    NoteService(SessionNotes notes, NoteAmendments amendments, CourseQueries courses, CourseLifecycle lifecycle,
            PatientService patients, AuditTrail audit, ClinicClock clock, Catalog catalog, StaffNames staffNames,
            SessionLocks locks) {
        this.locks = locks;
        this.notes = notes;
        this.amendments = amendments;
        this.courses = courses;
        this.lifecycle = lifecycle;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.catalog = catalog;
        this.staffNames = staffNames;
    }

    /** The session's draft, created on first save and replaced whole after; a signed note is refused. */
    public Saved saveDraft(Long sessionId, NoteContent content, Long version) {
        Session session = lockedSession(sessionId);
        Optional<SessionNote> existing = notes.findBySessionId(sessionId);
        SessionNote note = save(session, existing, content, version);
        return new Saved(view(note, session), existing.isEmpty());
    }

    public NoteView updateDraft(Long noteId, NoteContent content, Long version) {
        Session session = lockedSession(sessionIdOf(noteId));
        SessionNote note = note(noteId);
        return view(save(session, Optional.of(note), content, version), session);
    }

    /** Signs the note; the answer says when (and why) that held the course for review. */
    public NoteView sign(Long noteId) {
        Session session = lockedSession(sessionIdOf(noteId));
        SessionNote note = note(noteId);
        return signed(note, session);
    }

    /**
     * Saves what the form says, then signs it. When the note is not complete enough to sign, or its session has not
     * begun, the draft is kept (the transaction commits) and the refusal says why: nothing typed is lost.
     */
    @Transactional(noRollbackFor = { NoteIncompleteException.class, NoteTooEarlyException.class })
    public NoteView saveAndSign(Long sessionId, NoteContent content, Long version) {
        Session session = lockedSession(sessionId);
        SessionNote note = save(session, notes.findBySessionId(sessionId), content, version);
        return signed(note, session);
    }

    private NoteView signed(SessionNote note, Session session) {
        boolean first = !note.isSigned();
        SessionNote signed = sign(note, session);
        NoteView view = view(signed, session);
        String held = first ? heldReason(signed, session) : null;
        return held == null ? view : view.heldForReview(held);
    }

    public NoteView.AmendmentView amend(Long noteId, String reason, String text) {
        SessionNote note = note(noteId);
        Session session = session(note.getSessionId(), LocaleContextHolder.getLocale());
        NoteAmendment amendment = amendments.save(note.amend(reason, text, Staff.currentName(), clock.now(),
                of(session)));
        notes.save(note);
        return amendmentView(amendment);
    }

    /** The screen amends the note of the session it shows. */
    public NoteView.AmendmentView amendNoteOfSession(Long sessionId, String reason, String text) {
        return amend(noteOf(sessionId).getId(), reason, text);
    }

    /** The session's note with its amendments. */
    public NoteView noteOfSession(Long sessionId) {
        Session session = session(sessionId, LocaleContextHolder.getLocale());
        SessionNote note = noteOf(sessionId);
        viewed(note, session, "session " + session.session().number());
        return view(note, session);
    }

    /**
     * The latest signed note of an earlier session of the same course (a missed session has none, so the
     * one before counts). A draft is not shown: it may still change.
     */
    public Optional<NoteView> previousNote(Long sessionId) {
        return previous(session(sessionId, LocaleContextHolder.getLocale()));
    }

    /** The note screen in one call: the session, its note, the previous note, and what the form starts from. */
    public NoteWorkspace workspace(Long sessionId, Locale locale) {
        Session session = session(sessionId, locale);
        String patientName = patients.view(session.course().patientId()).getFullName();
        Optional<SessionNote> existing = notes.findBySessionId(sessionId);
        existing.ifPresent(n -> viewed(n, session, "session " + session.session().number()));
        NoteView note = existing.map(n -> view(n, session)).orElse(null);
        NoteView previous = previous(session).orElse(null);
        NoteContent starting = note != null ? note.content()
                : session.fields().carriedOver(previous == null ? null : previous.content());
        boolean mayWrite = existing.map(n -> !n.isSigned() && n.isWrittenBy(Staff.currentName())).orElse(true);
        return new NoteWorkspace(session.course(), session.session(), patientName, session.fields(), note, previous,
                starting, mayWrite);
    }

    private static NoteAct.Of of(Session session) {
        return new NoteAct.Of(session.course().patientId(), session.session().number());
    }

    private SessionNote save(Session session, Optional<SessionNote> existing, NoteContent content, Long version) {
        session.requireHeld();
        List<String> notApplicable = session.fields().notApplicable(content);
        if (!notApplicable.isEmpty()) {
            String field = notApplicable.get(0);
            throw new InvalidRequestException(field, "note." + field + ".notApplicable", session.course().programName());
        }
        if (existing.isPresent()) {
            SessionNote note = existing.get();
            requireAuthor(note);
            if (version != null && version != note.getVersion()) {
                throw new ConflictException("error.changedMeanwhile");
            }
            note.saveDraft(content, of(session));
            return notes.saveAndFlush(note);
        }
        return notes.saveAndFlush(SessionNote.draft(session.session().id(), content, Staff.currentName(),
                of(session)));
    }

    private SessionNote sign(SessionNote note, Session session) {
        if (note.isSigned()) {
            // Said here rather than by the note, which knows its signer only by login: people read names.
            throw new ConflictException("note.alreadySigned", note.getId(), staffNames.of(note.getSignedBy()));
        }
        requireAuthor(note);
        // cancelled or missed meanwhile: the lock taken first means that is seen here, not after signing
        session.requireHeld();
        // A note vouches for what happened: not before the session's time has come (then the session is fixed).
        if (clock.toInstant(session.session().startsAt()).isAfter(clock.now())) {
            throw new NoteTooEarlyException(session.session().number());
        }
        List<String> missing = session.fields().missingForSigning(note.getContent());
        if (!missing.isEmpty()) {
            throw new NoteIncompleteException(missing);
        }
        note.sign(Staff.currentName(), clock.now(), of(session));
        notes.saveAndFlush(note);
        holdForReviewIfNeeded(note, session);
        return note;
    }

    /**
     * A draft is changed and signed only by the clinician who wrote it: a signature vouches for the words, and no
     * one vouches for words they did not write (docs/security.md, "Who writes a note"). Said with the author's name,
     * so the reader knows whom to ask.
     */
    private void requireAuthor(SessionNote note) {
        if (!note.isWrittenBy(Staff.currentName())) {
            throw new NotPermittedException("note.draft.notYours", staffNames.of(note.getAuthor()));
        }
    }

    private void holdForReviewIfNeeded(SessionNote note, Session session) {
        String reason = heldReason(note, session);
        if (reason != null) {
            lifecycle.holdForReview(session.course().id(), reason);
        }
    }

    /** Why signing this note holds its course (null: it does not), as the application's phrases. */
    private String heldReason(SessionNote note, Session session) {
        int threshold = catalog.program(session.course().programCode()).getReviewPainThreshold();
        List<ReviewRule.Reason> reasons = ReviewRule.reasons(threshold, session.session().number(),
                note.getContent());
        if (reasons.isEmpty() || session.courseFinished()) {
            return null; // a finished course has no sessions left to hold
        }
        // Stored as codes: the clinician who signs and the one who reviews may read different languages.
        return Phrase.store(reasons.stream().map(r -> Phrase.of(r.code(), r.arguments().toArray())).toList());
    }

    private Optional<NoteView> previous(Session session) {
        Map<Long, CourseView.SessionView> earlier = session.course().sessions().stream()
                .filter(s -> s.number() < session.session().number())
                .collect(Collectors.toMap(CourseView.SessionView::id, Function.identity()));
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionNote> latest = notes.findSignedBySessionIdIn(earlier.keySet()).stream()
                .max(Comparator.comparingInt(n -> earlier.get(n.getSessionId()).number()));
        return latest.map(note -> {
            CourseView.SessionView of = earlier.get(note.getSessionId());
            viewed(note, session, "previous note, session " + of.number());
            return view(note, of);
        });
    }

    private void viewed(SessionNote note, Session session, String details) {
        audit.record("VIEW", "SESSION_NOTE", note.getId(), session.course().patientId(), details);
    }

    private NoteView view(SessionNote note, Session session) {
        return view(note, session.session());
    }

    private NoteView view(SessionNote note, CourseView.SessionView session) {
        return new NoteView(note.getId(), note.getSessionId(), session.number(), note.getStatus(), note.getContent(),
                note.getAuthor(), note.getSignedBy(),
                note.getSignedAt() == null ? null : clock.toLocal(note.getSignedAt()),
                note.getUpdatedAt() == null ? null : clock.toLocal(note.getUpdatedAt()), note.getVersion(),
                amendments.findByNoteIdOrderById(note.getId()).stream().map(this::amendmentView).toList());
    }

    private NoteView.AmendmentView amendmentView(NoteAmendment amendment) {
        return new NoteView.AmendmentView(amendment.getId(), amendment.getReason(), amendment.getText(),
                amendment.getAuthor(), clock.toLocal(amendment.getCreatedAt()));
    }

    private SessionNote note(Long noteId) {
        return notes.findById(noteId)
                .orElseThrow(() -> new NotFoundException("note.notFound", String.valueOf(noteId)));
    }

    private SessionNote noteOf(Long sessionId) {
        return notes.findBySessionId(sessionId)
                .orElseThrow(() -> new NotFoundException("note.notFound.forSession", String.valueOf(sessionId)));
    }

    /**
     * The session of a write, read after its course's sessions are locked (the order every act that changes a
     * session takes): a move, cancellation or no-show under way has committed by then and is seen by the checks.
     */
    private Session lockedSession(Long sessionId) {
        locks.lockCourseOf(sessionId);
        return session(sessionId, LocaleContextHolder.getLocale());
    }

    private Long sessionIdOf(Long noteId) {
        return notes.findSessionIdById(noteId)
                .orElseThrow(() -> new NotFoundException("note.notFound", String.valueOf(noteId)));
    }

    private Session session(Long sessionId, Locale locale) {
        CourseView course = courses.courseOfSession(sessionId, locale);
        CourseView.SessionView session = course.sessions().stream().filter(s -> s.id().equals(sessionId))
                .findFirst().orElseThrow();
        return new Session(course, session, NoteFields.forProgram(course.programCode()));
    }

    /** The session a note belongs to, with its course and the fields its program records. */
    private record Session(CourseView course, CourseView.SessionView session, NoteFields fields) {

        /** Nothing is recorded for a session that did not take place. */
        void requireHeld() {
            if (session.status().isCancelled() || session.status() == SessionStatus.NO_SHOW) {
                throw new ConflictException("note.session.notHeld", session.number());
            }
        }

        boolean courseFinished() {
            return course.status() == CourseStatus.COMPLETED || course.status() == CourseStatus.STOPPED
                    || course.status() == CourseStatus.ABANDONED;
        }
    }

    /** A saved draft, and whether this save created it. */
    public record Saved(NoteView note, boolean created) {
    }
}
