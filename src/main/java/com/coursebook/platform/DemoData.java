package com.coursebook.platform;

import com.coursebook.shared.StartupStep;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

import com.coursebook.catalog.Specialty;
import com.coursebook.catalog.TreatmentPrograms;
import com.coursebook.patient.PatientForm;
import com.coursebook.patient.PatientService;
import com.coursebook.scheduling.ClinicClosure;
import com.coursebook.scheduling.Location;
import com.coursebook.scheduling.Practitioner;
import com.coursebook.scheduling.Room;
import com.coursebook.scheduling.WorkingBreak;
import com.coursebook.security.AppUser;
import com.coursebook.security.AppUsers;
import com.coursebook.security.Role;
import com.coursebook.shared.ClinicClock;
import com.coursebook.shared.Phrase;
import com.coursebook.shared.Sex;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Invented demo data for the embedded run: staff logins, practitioners with working hours and a lunch break,
 * a holiday closure, rooms and patients. Loaded once (when no user exists yet), never against an external database.
 * Every name, date and phone number here is made up.
 * <p>
 * Loaded as a lifecycle step just before the web server opens its port (and before BootstrapAdmin, which only acts
 * when no user exists), so the demo logins work from the first request the server accepts.
 */
@Component
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "coursebook.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class DemoData extends StartupStep {

    /** Before the web server's start (the connector opens there), and before BootstrapAdmin's. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 2;

    static final List<String> LOGINS = List.of("reception", "urologist", "gynecologist", "admin");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Why demo courses were stopped: phrases "course.stopReason." + each, said in the reader's language. */
    static final List<String> STOP_REASONS = List.of("sideEffects", "resolved", "moved", "surgery", "contraindication");

    static final String PASSWORD = "demo";

    private static final List<String> MALE_GIVEN = List.of("Ivan", "Pavel", "Sergei", "Dmitry", "Alexei", "Mikhail",
            "Nikolai", "Oleg", "Viktor", "Andrei", "Boris", "Yuri");

    private static final List<String> FEMALE_GIVEN = List.of("Anna", "Maria", "Elena", "Olga", "Tatiana", "Natalia",
            "Irina", "Svetlana", "Daria", "Ksenia", "Polina", "Vera");

    private static final List<String> FAMILY = List.of("Demidov", "Zhukov", "Orlov", "Belov", "Lebedev", "Sokolov",
            "Frolov", "Gusev", "Tikhonov", "Krylov", "Savin", "Markov", "Vinogradov", "Kuzmin", "Golubev");

    /** The same names in Cyrillic, index for index: a third of the demo patients are written the Russian way. */
    private static final List<String> MALE_GIVEN_RU = List.of("Иван", "Павел", "Сергей", "Дмитрий", "Алексей",
            "Михаил", "Николай", "Олег", "Виктор", "Андрей", "Борис", "Юрий");

    private static final List<String> FEMALE_GIVEN_RU = List.of("Анна", "Мария", "Елена", "Ольга", "Татьяна",
            "Наталья", "Ирина", "Светлана", "Дарья", "Ксения", "Полина", "Вера");

    private static final List<String> FAMILY_RU = List.of("Демидов", "Жуков", "Орлов", "Белов", "Лебедев", "Соколов",
            "Фролов", "Гусев", "Тихонов", "Крылов", "Савин", "Марков", "Виноградов", "Кузьмин", "Голубев");

    private final AppUsers users;

    private final TreatmentPrograms programs;

    private final PatientService patients;

    private final PasswordEncoder passwordEncoder;

    private final EntityManager entityManager;

    private final ClinicClock clock;

    private final JdbcClient jdbc;

    private final DataSource dataSource;


    private final boolean upcoming;


    DemoData(AppUsers users, TreatmentPrograms programs, PatientService patients, PasswordEncoder passwordEncoder,
            EntityManager entityManager, ClinicClock clock, JdbcClient jdbc, DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${coursebook.demo-data.upcoming:true}") boolean upcoming) {
        super(transactions, PHASE);
        this.upcoming = upcoming;
        this.clock = clock;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.users = users;
        this.programs = programs;
        this.patients = patients;
        this.passwordEncoder = passwordEncoder;
        this.entityManager = entityManager;
    }

    @Override
    protected void run() {
        loadIfEmpty();
    }

    private void loadIfEmpty() {
        if (users.count() > 0) {
            return;
        }
        log.info("Loading demo data (invented): users reception, urologist, gynecologist, admin; password '{}'",
                PASSWORD);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("demo-loader",
                null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            load();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load() {
        Location clinic = persist(new Location("Central clinic", "12 Lesnaya Street, Moscow 125047",
                "+7 495 010-20-30"));
        persist(new Room(clinic, "Room 1 (urology)", "UROLOGY"));
        persist(new Room(clinic, "Room 2 (urology)", "UROLOGY"));
        persist(new Room(clinic, "Room 3 (gynecology)", "GYNECOLOGY"));

        Practitioner urologist = new Practitioner("Pyotr", "Urvantsev", Specialty.UROLOGY, clinic);
        urologist.qualifyFor(programs.findByCode("PROSTATE_MASSAGE").orElseThrow());
        urologist.qualifyFor(programs.findByCode("HAEMORRHOID_MASSAGE").orElseThrow());
        persist(urologist);
        Practitioner gynecologist = new Practitioner("Galina", "Ginzburg", Specialty.GYNECOLOGY, clinic);
        gynecologist.qualifyFor(programs.findByCode("GYNECOLOGICAL_MASSAGE").orElseThrow());
        persist(gynecologist);
        for (Practitioner practitioner : List.of(urologist, gynecologist)) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
                persist(new com.coursebook.scheduling.WorkingHours(practitioner, day, LocalTime.of(8, 0),
                        LocalTime.of(20, 0), clinic));
                persist(new WorkingBreak(practitioner, day, LocalTime.of(13, 0), LocalTime.of(14, 0)));
            }
        }
        // The next New Year's Day is always ahead of the loading date, so the demo shows a closure to plan around.
        persist(ClinicClosure.everywhere(LocalDate.of(clock.today().getYear() + 1, 1, 1), "New Year's Day"));

        String hash = passwordEncoder.encode(PASSWORD);
        users.save(new AppUser("reception", hash, "Rita Reception", Role.RECEPTIONIST, null));
        users.save(new AppUser("urologist", hash, "Dr Pyotr Urvantsev", Role.CLINICIAN, urologist.getId()));
        users.save(new AppUser("gynecologist", hash, "Dr Galina Ginzburg", Role.CLINICIAN, gynecologist.getId()));
        users.save(new AppUser("admin", hash, "Alla Admin", Role.ADMIN, null));

        Random random = new Random(20261123L); // fixed seed: the same invented patients on every machine
        for (int i = 0; i < 40; i++) {
            boolean male = i % 2 == 0;
            PatientForm form = new PatientForm();
            boolean cyrillic = i % 3 == 1;
            int given = random.nextInt(12);
            int familyIndex = random.nextInt(FAMILY.size());
            form.setGivenName((male ? cyrillic ? MALE_GIVEN_RU : MALE_GIVEN : cyrillic ? FEMALE_GIVEN_RU : FEMALE_GIVEN)
                    .get(given));
            String family = FAMILY.get(familyIndex);
            String written = cyrillic ? FAMILY_RU.get(familyIndex) : family;
            form.setFamilyName(male ? written : written + (cyrillic ? "а" : "a"));
            form.setSex(male ? Sex.MALE : Sex.FEMALE);
            form.setBirthDate(LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            form.setPhone(String.format("+7 900 %03d-%02d-%02d", random.nextInt(1000), random.nextInt(100),
                    random.nextInt(100)));
            form.setEmail((male ? MALE_GIVEN : FEMALE_GIVEN).get(given).toLowerCase() + "." + family.toLowerCase() + i
                    + "@example.org");
            form.setConfirmDuplicate(true);
            if (!male && form.getBirthDate().isAfter(LocalDate.of(1975, 1, 1))) {
                form.setLastPeriodStart(clock.today().minusDays(random.nextInt(28)));
                form.setCycleLengthDays(26 + random.nextInt(6));
                form.setPeriodLengthDays(4 + random.nextInt(3));
            }
            patients.register(form);
        }
        loadHistory(urologist, gynecologist);
    }

    /**
     * A year of invented history, so the review dashboard has something to say: one course at a time per demo
     * patient, back to back over the last twelve months, mostly completed, some stopped with a reason, some
     * abandoned after three no-shows in a row, and the last one of each patient still running (ACTIVE) with its
     * sessions so far. Written with plain SQL, bypassing the booking rules, because every session lies in the past
     * and the rules only judge bookings from now on. With {@code coursebook.demo-data.upcoming} (on unless the tests
     * switch it off: they book the demo practitioners at future dates and must find them free) the running courses
     * go on from today with their remaining sessions booked, each clinician has a session today, and per clinician
     * one course has two coming sessions blocked by a recorded fever and one is held for review. Practitioner times
     * never overlap (the exclusion
     * constraints hold for history too); room_id stays null because which room was used is not remembered.
     */
    private void loadHistory(Practitioner urologist, Practitioner gynecologist) {
        entityManager.flush(); // the JPA-persisted practitioners and patients must be visible to the SQL below
        record Program(long id, int sessions, int cadence, int minutes) {
        }
        java.util.Map<String, Program> catalog = new java.util.HashMap<>();
        jdbc.sql("SELECT id, code, default_sessions, cadence_days, slot_minutes FROM treatment_program")
                .query(rs -> {
                    catalog.put(rs.getString("code"), new Program(rs.getLong("id"), rs.getInt("default_sessions"),
                            rs.getInt("cadence_days"), rs.getInt("slot_minutes")));
                });
        List<Object[]> demoPatients = jdbc.sql("SELECT id, sex FROM patient ORDER BY id")
                .query((rs, row) -> new Object[] { rs.getLong("id"), rs.getString("sex") }).list();
        // Stored as phrases, as the application stores its own reasons, so each reader gets them in their language.
        List<String> stopReasons = STOP_REASONS.stream().map(r -> Phrase.of("course.stopReason." + r).stored()).toList();
        String painAfter = Phrase.of("note.review.painAfter", 4, 2).stored();
        Random random = new Random(20261124L); // fixed seed: the same history on every machine
        Random waits = new Random(20261125L); // how long blocks and holds lasted, drawn apart from the history
        LocalDate today = clock.today();
        java.util.Set<String> taken = new java.util.HashSet<>(); // practitioner id + hour already booked
        List<Object[]> courses = new java.util.ArrayList<>();
        List<Object[]> sessions = new java.util.ArrayList<>();
        List<Object[]> events = new java.util.ArrayList<>();
        long courseId = jdbc.sql("SELECT coalesce(max(id), 0) FROM course").query(Long.class).single() + 1000;
        java.time.LocalDateTime now = clock.toLocal(clock.now());
        LocalDate newYearsDay = LocalDate.of(today.getYear() + 1, 1, 1);
        java.util.Map<String, Integer> runningPerClinician = new java.util.HashMap<>();
        java.util.Set<String> blocked = new java.util.HashSet<>();
        java.util.Set<String> heldFor = new java.util.HashSet<>();
        List<Object[]> conditions = new java.util.ArrayList<>();
        for (Object[] patient : demoPatients) {
            long patientId = (Long) patient[0];
            boolean male = "MALE".equals(patient[1]);
            LocalDate day = today.minusDays(365 - random.nextInt(21));
            int preferredHour = 8 + random.nextInt(11);
            while (day.isBefore(today.minusDays(3))) {
                String code = !male ? "GYNECOLOGICAL_MASSAGE"
                        : random.nextInt(10) < 7 ? "PROSTATE_MASSAGE" : "HAEMORRHOID_MASSAGE";
                Program program = catalog.get(code);
                Practitioner practitioner = male ? urologist : gynecologist;
                String clinician = male ? "urologist" : "gynecologist";
                int plan = random.nextInt(100); // < 72 completes, < 84 is stopped, < 93 is abandoned, else completes
                int stopAfter = 2 + random.nextInt(Math.max(1, program.sessions() - 3));
                boolean held = random.nextInt(100) < 5;
                int attended = 0;
                int noShowsInRow = 0;
                int seq = 0;
                String status = null;
                String reason = null;
                java.time.LocalDateTime first = null;
                java.time.LocalDateTime last = null;
                LocalDate date = day;
                while (status == null) {
                    if (!date.isBefore(today)) {
                        status = "ACTIVE"; // its time ran out before its sessions did: still in progress
                        break;
                    }
                    if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        date = date.plusDays(1);
                        continue;
                    }
                    java.time.LocalDateTime start = freeHour(taken, practitioner.getId(), date, preferredHour);
                    if (start == null) {
                        date = date.plusDays(1);
                        continue;
                    }
                    int roll = random.nextInt(100);
                    String outcome;
                    boolean flagged = false;
                    if (plan >= 84 && plan < 93 && attended >= stopAfter) {
                        outcome = "NO_SHOW"; // drifting away: no-shows until the course is abandoned
                    }
                    else if (roll < 3) {
                        outcome = "CANCELLED_BY_CLINIC"; // the clinic moved it; now and then a rule blocked the day
                        flagged = roll == 0;
                    }
                    else if (roll < 6) {
                        outcome = "CANCELLED_LATE";
                    }
                    else if (roll < 6 + (start.getHour() < 9 || start.getHour() >= 18 ? 12 : 4) && noShowsInRow == 0) {
                        outcome = "NO_SHOW"; // early and late slots are missed more often
                    }
                    else {
                        outcome = "ATTENDED";
                    }
                    seq++;
                    sessions.add(new Object[] { courseId, patientId, practitioner.getId(), seq, start,
                            start.plusMinutes(program.minutes()), outcome, flagged, clinician });
                    if (flagged) {
                        // A new condition blocked this day: found a few days before, lifted some days after.
                        events.add(new Object[] { courseId, "BLOCKED", "ACTIVE_CONDITION", "reception",
                                start.minusDays(1 + waits.nextInt(3)) });
                        events.add(new Object[] { courseId, "UNBLOCKED", null, "reception",
                                start.plusDays(2 + waits.nextInt(9)) });
                    }
                    first = first == null ? start : first;
                    last = start;
                    if (outcome.equals("ATTENDED")) {
                        attended++;
                        noShowsInRow = 0;
                    }
                    else if (outcome.equals("NO_SHOW")) {
                        noShowsInRow++;
                    }
                    if (noShowsInRow >= 3) {
                        status = "ABANDONED";
                        reason = Phrase.of("course.reason.noShows", 3).stored();
                    }
                    else if (plan >= 72 && plan < 84 && attended >= stopAfter) {
                        status = "STOPPED";
                        reason = stopReasons.get(random.nextInt(stopReasons.size()));
                    }
                    else if (attended >= program.sessions()) {
                        status = "COMPLETED";
                    }
                    date = date.plusDays(program.cadence());
                }
                if (seq == 0) {
                    break;
                }
                boolean hold = held && status.equals("ACTIVE");
                if (status.equals("ACTIVE") && upcoming) {
                    // Still running: book the rest of it from today on, so every day the demo starts looks alive.
                    int nth = runningPerClinician.merge(clinician, 1, Integer::sum);
                    LocalDate next = nth == 1 ? today : date; // each clinician's first running course comes today
                    List<Object[]> ahead = new java.util.ArrayList<>();
                    int toBook = Math.min(program.sessions() - attended, 10);
                    while (ahead.size() < toBook && next.isBefore(today.plusDays(60))) {
                        java.time.LocalDateTime start = next.getDayOfWeek() == DayOfWeek.SUNDAY
                                || next.equals(newYearsDay) ? null
                                        : freeHour(taken, practitioner.getId(), next, preferredHour);
                        if (start != null) {
                            boolean over = start.isBefore(now);
                            Object[] session = { courseId, patientId, practitioner.getId(), ++seq, start,
                                    start.plusMinutes(program.minutes()), over ? "ATTENDED" : "BOOKED", false, clinician };
                            sessions.add(session);
                            if (!over) {
                                ahead.add(session);
                            }
                        }
                        next = next.plusDays(start == null ? 1 : program.cadence());
                    }
                    if (nth >= 2 && !blocked.contains(clinician) && !code.equals("HAEMORRHOID_MASSAGE")
                            && ahead.size() >= 3) {
                        // A fever recorded for two of the coming sessions: they wait for a decision.
                        blocked.add(clinician);
                        ahead.get(1)[7] = true;
                        ahead.get(2)[7] = true;
                        LocalDate onset = ((java.time.LocalDateTime) ahead.get(1)[4]).toLocalDate();
                        LocalDate end = ((java.time.LocalDateTime) ahead.get(2)[4]).toLocalDate();
                        conditions.add(new Object[] { patientId, onset, end, clinician, courseId, end.plusDays(1) });
                        events.add(new Object[] { courseId, "BLOCKED", "ACTIVE_CONDITION", clinician,
                                now.minusHours(2) });
                    }
                    else if (nth >= 3 && !heldFor.contains(clinician)) {
                        heldFor.add(clinician);
                        hold = true;
                        events.add(new Object[] { courseId, "HOLD_FOR_REVIEW", "Pain after session", clinician,
                                now.minusDays(1) });
                    }
                }
                courses.add(new Object[] { courseId, patientId, program.id(), practitioner.getId(), program.sessions(),
                        program.cadence(), status, reason, hold });
                events.add(new Object[] { courseId, "STARTED", null, clinician, first });
                if (held) {
                    events.add(new Object[] { courseId, "HOLD_FOR_REVIEW", painAfter, clinician,
                            first.plusDays(program.cadence()) });
                    if (!status.equals("ACTIVE")) {
                        events.add(new Object[] { courseId, "REVIEWED", Phrase.of("course.reviewNote.goesOn").stored(), clinician,
                                first.plusDays(program.cadence() + 1 + waits.nextInt(4)) });
                    }
                }
                if (!status.equals("ACTIVE")) {
                    events.add(new Object[] { courseId, status, reason, clinician, last.plusHours(1) });
                }
                courseId++;
                if (status.equals("ACTIVE")) {
                    break;
                }
                day = last.toLocalDate().plusDays(7 + random.nextInt(34));
            }
        }
        driftAway(courses, sessions, 3, now);
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("""
                INSERT INTO course (id, patient_id, program_id, practitioner_id, prescribed_sessions, cadence_days,
                                    status, status_reason, needs_review, review_reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN ? END, 'reception', now())""",
                courses.stream().map(c -> new Object[] { c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[8],
                        painAfter })
                        .toList());
        template.batchUpdate("""
                INSERT INTO course_session (course_id, patient_id, practitioner_id, seq_no, starts_at, ends_at, status,
                                            needs_attention, attention_rule, status_changed_by, status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN 'ACTIVE_CONDITION' END, ?, ?)""",
                sessions.stream().map(s -> "BOOKED".equals(s[6])
                        ? new Object[] { s[0], s[1], s[2], s[3], timestamp(s[4]), timestamp(s[5]), s[6], s[7], s[7],
                                null, null }
                        : new Object[] { s[0], s[1], s[2], s[3], timestamp(s[4]), timestamp(s[5]), s[6], s[7], s[7],
                                s[8], timestamp(s[5]) }).toList());
        template.batchUpdate("""
                INSERT INTO patient_condition (patient_id, contraindication_id, onset, expected_end, note, recorded_by)
                VALUES (?, (SELECT id FROM contraindication WHERE code = 'FEVER'), ?, ?, 'Temperature 38.2', ?)""",
                conditions.stream().map(c -> new Object[] { c[0], c[1], c[2], c[3] }).toList());
        template.batchUpdate("UPDATE course_session SET attention_until = ? WHERE course_id = ? AND needs_attention "
                + "AND status = 'BOOKED'", conditions.stream().map(c -> new Object[] { c[5], c[4] }).toList());
        template.batchUpdate("INSERT INTO course_event (course_id, act, reason, actor, occurred_at) VALUES (?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] { e[0], e[1], e[2], e[3], timestamp(e[4]) }).toList());
        // Ids were given explicitly above; move the identity on so the next course the app creates does not collide.
        jdbc.sql("SELECT setval(pg_get_serial_sequence('course', 'id'), (SELECT max(id) FROM course))").query()
                .singleValue();
        log.info("Demo history: {} courses, {} sessions", courses.size(), sessions.size());
    }

    /**
     * A few running courses whose patient missed the last two sessions, so the admin's worklist of courses about to
     * be abandoned has something to show: the first {@code count} running courses with at least four sessions.
     */
    private static void driftAway(List<Object[]> courses, List<Object[]> sessions, int count,
            java.time.LocalDateTime now) {
        java.util.Set<Object> running = courses.stream().filter(c -> "ACTIVE".equals(c[6])).map(c -> c[0])
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        int done = 0;
        for (Object id : running) {
            List<Object[]> own = sessions.stream().filter(s -> s[0].equals(id))
                    .filter(s -> ((java.time.LocalDateTime) s[4]).toLocalDate().isBefore(now.toLocalDate())).toList();
            if (own.size() < 4 || done == count) {
                continue;
            }
            own.get(own.size() - 1)[6] = "NO_SHOW";
            own.get(own.size() - 2)[6] = "NO_SHOW";
            done++;
        }
    }

    /** The first hour from the patient's usual one that the practitioner has free that day (lunch at 13 excluded). */
    private static java.time.LocalDateTime freeHour(java.util.Set<String> taken, Long practitionerId, LocalDate date,
            int preferredHour) {
        for (int i = 0; i < 12; i++) {
            int hour = 8 + (preferredHour - 8 + i) % 12;
            if (hour == 13) {
                continue;
            }
            if (taken.add(practitionerId + "@" + date + "T" + hour)) {
                return date.atTime(hour, 0);
            }
        }
        return null;
    }

    private java.sql.Timestamp timestamp(Object local) {
        return java.sql.Timestamp.from(clock.toInstant((java.time.LocalDateTime) local));
    }

    private <T> T persist(T entity) {
        entityManager.persist(entity);
        return entity;
    }
}
