package com.coursebook.platform;

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
import com.coursebook.shared.Sex;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invented demo data for the embedded run: staff logins, practitioners with working hours and a lunch break,
 * a holiday closure, rooms and patients. Loaded once (when no user exists yet), never against an external database.
 * Every name, date and phone number here is made up.
 */
@Component
@Order(0) // before BootstrapAdmin, which only acts when no user exists
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "coursebook.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String PASSWORD = "demo";

    private static final List<String> MALE_GIVEN = List.of("Ivan", "Pavel", "Sergei", "Dmitry", "Alexei", "Mikhail",
            "Nikolai", "Oleg", "Viktor", "Andrei", "Boris", "Yuri");

    private static final List<String> FEMALE_GIVEN = List.of("Anna", "Maria", "Elena", "Olga", "Tatiana", "Natalia",
            "Irina", "Svetlana", "Daria", "Ksenia", "Polina", "Vera");

    private static final List<String> FAMILY = List.of("Demidov", "Zhukov", "Orlov", "Belov", "Lebedev", "Sokolov",
            "Frolov", "Gusev", "Tikhonov", "Krylov", "Savin", "Markov", "Vinogradov", "Kuzmin", "Golubev");

    private final AppUsers users;

    private final TreatmentPrograms programs;

    private final PatientService patients;

    private final PasswordEncoder passwordEncoder;

    private final EntityManager entityManager;

    private final ClinicClock clock;

    DemoData(AppUsers users, TreatmentPrograms programs, PatientService patients, PasswordEncoder passwordEncoder,
            EntityManager entityManager, ClinicClock clock) {
        this.clock = clock;
        this.users = users;
        this.programs = programs;
        this.patients = patients;
        this.passwordEncoder = passwordEncoder;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
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
        Location clinic = persist(new Location("Central clinic", "1 Example Street"));
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
            form.setGivenName((male ? MALE_GIVEN : FEMALE_GIVEN).get(random.nextInt(12)));
            String family = FAMILY.get(random.nextInt(FAMILY.size()));
            form.setFamilyName(male ? family : family + "a");
            form.setSex(male ? Sex.MALE : Sex.FEMALE);
            form.setBirthDate(LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            form.setPhone(String.format("+7 900 %03d-%02d-%02d", random.nextInt(1000), random.nextInt(100),
                    random.nextInt(100)));
            form.setEmail(form.getGivenName().toLowerCase() + "." + family.toLowerCase() + i + "@example.org");
            form.setConfirmDuplicate(true);
            if (!male && form.getBirthDate().isAfter(LocalDate.of(1975, 1, 1))) {
                form.setLastPeriodStart(LocalDate.now().minusDays(random.nextInt(28)));
                form.setCycleLengthDays(26 + random.nextInt(6));
                form.setPeriodLengthDays(4 + random.nextInt(3));
            }
            patients.register(form);
        }
    }

    private <T> T persist(T entity) {
        entityManager.persist(entity);
        return entity;
    }
}
