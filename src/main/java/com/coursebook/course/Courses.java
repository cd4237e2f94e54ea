package com.coursebook.course;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Courses extends JpaRepository<Course, Long> {

    /** A course with its program and sessions, in one query. */
    @Query("select distinct c from Course c join fetch c.program left join fetch c.sessions where c.id = :id")
    Optional<Course> findWithSessions(Long id);

    /** The course a session belongs to, with its program and all its sessions, in one query. */
    @Query("select distinct c from Course c join fetch c.program join fetch c.sessions "
            + "where c.id = (select s.course.id from CourseSession s where s.id = :sessionId)")
    Optional<Course> findBySessionId(Long sessionId);

    @Query("select distinct c from Course c join fetch c.program left join fetch c.sessions "
            + "where c.patientId = :patientId order by c.id desc")
    List<Course> findByPatientWithSessions(Long patientId);

    /** Courses of a patient that still have a session booked from the given instant on. */
    @Query("select distinct c from Course c join fetch c.program join fetch c.sessions s where c.patientId = :patientId "
            + "and exists (select 1 from CourseSession f where f.course = c and f.startsAt >= :from "
            + "and f.status = com.coursebook.course.SessionStatus.BOOKED)")
    List<Course> findWithFutureSessions(Long patientId, Instant from);

    /** Courses of these programs, of any patient, with a booked session from {@code from} on, with their sessions. */
    @Query("select distinct c from Course c join fetch c.program p join fetch c.sessions s where p.code in :programCodes "
            + "and exists (select 1 from CourseSession f where f.course = c and f.startsAt >= :from "
            + "and f.status = com.coursebook.course.SessionStatus.BOOKED)")
    List<Course> findWithFutureSessionsOfPrograms(java.util.Collection<String> programCodes, Instant from);

    /** Courses of the patient and program that are still running (planned, active or paused). */
    @Query("select count(c) from Course c where c.patientId = :patientId and c.program.id = :programId and c.status in "
            + "(com.coursebook.course.CourseStatus.PLANNED, com.coursebook.course.CourseStatus.ACTIVE, "
            + "com.coursebook.course.CourseStatus.PAUSED)")
    long countRunning(Long patientId, Long programId);
}
