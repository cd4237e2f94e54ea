-- Moving several sessions of one course ("this and all later") updates them one row at a time. With the overlap
-- constraints checked per row, a course postponed by one interval collides with its own sessions in the
-- intermediate states (session 1 on session 2's old place before session 2 has moved). DEFERRABLE INITIALLY
-- IMMEDIATE keeps every other write checked per statement; a transaction that moves sessions together asks for
-- SET CONSTRAINTS ... DEFERRED and is judged on the final positions (SessionOverlaps). The definitions are those
-- of V1, unchanged but for the deferral.
ALTER TABLE course_session
    DROP CONSTRAINT course_session_practitioner_overlap,
    DROP CONSTRAINT course_session_patient_overlap,
    DROP CONSTRAINT course_session_room_overlap;

ALTER TABLE course_session
    ADD CONSTRAINT course_session_practitioner_overlap EXCLUDE USING gist
        (practitioner_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status NOT LIKE 'CANCELLED%')
        DEFERRABLE INITIALLY IMMEDIATE,
    ADD CONSTRAINT course_session_patient_overlap EXCLUDE USING gist
        (patient_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status NOT LIKE 'CANCELLED%')
        DEFERRABLE INITIALLY IMMEDIATE,
    ADD CONSTRAINT course_session_room_overlap EXCLUDE USING gist
        (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status NOT LIKE 'CANCELLED%')
        DEFERRABLE INITIALLY IMMEDIATE;
