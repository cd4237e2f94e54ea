-- ---------------------------------------------------------------- figures kept for the completion dashboard
-- The dashboard must answer for a year of a clinic chain (200 000 courses, 2 000 000 sessions) in well under a
-- second, so it cannot roll up every session on each view. Two tallies are kept current by triggers on
-- course_session (and course, and practitioner), whichever code path changes a row (the app, a migration, a
-- hand-made fix in psql).

-- The clinic's time zone, recorded by the app at startup (review/TallyZone), so the database can tell the clinic's
-- dates and months of instants. When it changes, the app recomputes the tallies.
CREATE TABLE clinic_setting (
    name  text PRIMARY KEY,
    value text NOT NULL
);
-- UTC until the app has said otherwise (a database written before the app ever started).
CREATE FUNCTION clinic_zone() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT value FROM clinic_setting WHERE name = 'zone'), 'UTC')
$$;

-- One row per course that has sessions: the per-course figures the dashboard needs, the course's own columns it
-- filters and groups by (so the dashboard reads this table alone), and the run of no-shows that the admin's
-- "about to be abandoned" worklist watches.
CREATE TABLE course_tally (
    course_id           bigint      PRIMARY KEY REFERENCES course ON DELETE CASCADE,
    practitioner_id     bigint      NOT NULL,
    program_id          bigint      NOT NULL,
    status              text        NOT NULL,
    status_reason       text,
    prescribed_sessions int         NOT NULL,
    needs_review        boolean     NOT NULL,
    first_session_at    timestamptz NOT NULL,  -- when the course started: its first session, whatever became of it
    first_month         date        NOT NULL,  -- the first day of that month, in the clinic's zone
    last_kept_at        timestamptz,           -- the last session the clinic did not cancel
    kept                int         NOT NULL,  -- sessions the clinic did not cancel, past and future
    attended            int         NOT NULL,
    no_shows            int         NOT NULL,
    attended_days       int,                   -- clinic days from the first attended session to the last
    flagged             boolean     NOT NULL,  -- a clinical rule flagged one of its sessions
    trailing_no_shows   int         NOT NULL   -- no-shows since the last attended session
);
CREATE INDEX course_tally_first_session ON course_tally (first_session_at);
CREATE INDEX course_tally_last_kept ON course_tally (last_kept_at);
CREATE INDEX course_tally_no_show_run ON course_tally (trailing_no_shows) WHERE trailing_no_shows > 0;

-- Recomputes the tally of the given courses from their sessions and the course rows. The tally rows are locked
-- first, so two transactions changing one course take turns, and the second computes from what the first
-- committed (each statement of a PL/pgSQL function sees a fresh snapshot under READ COMMITTED).
CREATE FUNCTION course_tally_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    zone text := clinic_zone();
BEGIN
    INSERT INTO course_tally (course_id, practitioner_id, program_id, status, prescribed_sessions, needs_review,
                              first_session_at, first_month, kept, attended, no_shows, flagged, trailing_no_shows)
    SELECT c.id, c.practitioner_id, c.program_id, c.status, c.prescribed_sessions, c.needs_review,
           now(), current_date, 0, 0, 0, false, 0
    FROM course c WHERE c.id IN (SELECT unnest(ids))
    ON CONFLICT (course_id) DO NOTHING;
    PERFORM 1 FROM course_tally WHERE course_id IN (SELECT unnest(ids)) ORDER BY course_id FOR UPDATE;
    WITH last_attended AS (
        SELECT course_id, max(starts_at) FILTER (WHERE status = 'ATTENDED') AS at
        FROM course_session WHERE course_id IN (SELECT unnest(ids)) GROUP BY course_id
    ), figures AS (
        SELECT s.course_id,
               min(s.starts_at) AS first_session_at,
               max(s.starts_at) FILTER (WHERE s.status <> 'CANCELLED_BY_CLINIC') AS last_kept_at,
               count(*) FILTER (WHERE s.status <> 'CANCELLED_BY_CLINIC') AS kept,
               count(*) FILTER (WHERE s.status = 'ATTENDED') AS attended,
               count(*) FILTER (WHERE s.status = 'NO_SHOW') AS no_shows,
               min(s.starts_at) FILTER (WHERE s.status = 'ATTENDED') AS first_attended_at,
               max(s.starts_at) FILTER (WHERE s.status = 'ATTENDED') AS last_attended_at,
               -- Clinical rules only: review holds are counted apart, leave and closures are not about the patient.
               coalesce(bool_or(s.needs_attention AND coalesce(s.attention_rule, '')
                                NOT IN ('REVIEW_HOLD', 'PRACTITIONER_ABSENT', 'CLINIC_CLOSED')), false) AS flagged,
               -- The same run Course.afterAttendance counts: no-shows after the last attended session.
               count(*) FILTER (WHERE s.status = 'NO_SHOW' AND (l.at IS NULL OR s.starts_at > l.at))
                   AS trailing_no_shows
        FROM course_session s JOIN last_attended l ON l.course_id = s.course_id
        GROUP BY s.course_id
    )
    UPDATE course_tally t
    SET practitioner_id = c.practitioner_id, program_id = c.program_id, status = c.status,
        status_reason = c.status_reason, prescribed_sessions = c.prescribed_sessions, needs_review = c.needs_review,
        first_session_at = f.first_session_at,
        first_month = date_trunc('month', f.first_session_at AT TIME ZONE zone)::date,
        last_kept_at = f.last_kept_at, kept = f.kept, attended = f.attended, no_shows = f.no_shows,
        attended_days = (f.last_attended_at AT TIME ZONE zone)::date - (f.first_attended_at AT TIME ZONE zone)::date,
        flagged = f.flagged, trailing_no_shows = f.trailing_no_shows
    FROM figures f JOIN course c ON c.id = f.course_id
    WHERE f.course_id = t.course_id;
    -- A course whose sessions are all gone has not started.
    DELETE FROM course_tally t
    WHERE t.course_id IN (SELECT unnest(ids))
      AND NOT EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = t.course_id);
END $$;

-- Sessions kept and missed per clinic day and hour, location (the session practitioner's) and program: the
-- dashboard's no-show grid. Writers never update these rows, they only append differences to session_slot_delta,
-- so concurrent bookings never wait on (or deadlock over) a shared row; session_slot_compact() folds the
-- differences in, one compactor at a time.
CREATE TABLE session_slot_tally (
    day         date        NOT NULL,  -- in the clinic's zone
    hour        smallint    NOT NULL,
    location_id bigint,
    program_id  bigint      NOT NULL,
    kept        int         NOT NULL,
    no_shows    int         NOT NULL,
    CONSTRAINT session_slot_tally_key UNIQUE NULLS NOT DISTINCT (day, hour, location_id, program_id)
);
CREATE TABLE session_slot_delta (
    day         date        NOT NULL,
    hour        smallint    NOT NULL,
    location_id bigint,
    program_id  bigint      NOT NULL,
    kept        int         NOT NULL,
    no_shows    int         NOT NULL
);
CREATE INDEX session_slot_delta_day ON session_slot_delta (day);

CREATE FUNCTION session_slot_compact() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    folded bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('session_slot_compact')) THEN
        RETURN 0; -- another instance is folding right now
    END IF;
    WITH moved AS (DELETE FROM session_slot_delta RETURNING *)
    INSERT INTO session_slot_tally AS t (day, hour, location_id, program_id, kept, no_shows)
    SELECT day, hour, location_id, program_id, sum(kept), sum(no_shows) FROM moved
    GROUP BY day, hour, location_id, program_id
    ON CONFLICT ON CONSTRAINT session_slot_tally_key
    DO UPDATE SET kept = t.kept + EXCLUDED.kept, no_shows = t.no_shows + EXCLUDED.no_shows;
    GET DIAGNOSTICS folded = ROW_COUNT;
    DELETE FROM session_slot_tally WHERE kept = 0 AND no_shows = 0;
    RETURN folded;
END $$;

-- Counts every session again, in the clinic's zone: after the migration, and when the zone changes.
CREATE FUNCTION session_slot_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    zone text := clinic_zone();
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('session_slot_compact'));
    DELETE FROM session_slot_delta;
    DELETE FROM session_slot_tally;
    INSERT INTO session_slot_tally (day, hour, location_id, program_id, kept, no_shows)
    SELECT (s.starts_at AT TIME ZONE zone)::date, extract(hour FROM s.starts_at AT TIME ZONE zone), pr.location_id,
           c.program_id, count(*) FILTER (WHERE s.status <> 'CANCELLED_BY_CLINIC'),
           count(*) FILTER (WHERE s.status = 'NO_SHOW')
    FROM course_session s
    JOIN course c ON c.id = s.course_id
    JOIN practitioner pr ON pr.id = s.practitioner_id
    GROUP BY 1, 2, 3, 4;
    DELETE FROM session_slot_tally WHERE kept = 0 AND no_shows = 0;
END $$;

-- One statement-level trigger function for insert, update and delete: the changed rows arrive as transition
-- tables, each old row counting -1 and each new row +1, so a bulk insert of two million sessions costs one pass.
CREATE FUNCTION course_session_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT course_id, practitioner_id, starts_at, status, 1 AS sign FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT course_id, practitioner_id, starts_at, status, -1 AS sign FROM old_rows'
        ELSE 'SELECT course_id, practitioner_id, starts_at, status, 1 AS sign FROM new_rows
              UNION ALL SELECT course_id, practitioner_id, starts_at, status, -1 FROM old_rows' END;
    zone text := clinic_zone();
BEGIN
    EXECUTE format('SELECT course_tally_refresh(ARRAY(SELECT DISTINCT course_id FROM (%s) ch))', changes);
    EXECUTE format($sql$
        INSERT INTO session_slot_delta (day, hour, location_id, program_id, kept, no_shows)
        SELECT (ch.starts_at AT TIME ZONE %L)::date, extract(hour FROM ch.starts_at AT TIME ZONE %L), pr.location_id,
               c.program_id,
               coalesce(sum(ch.sign) FILTER (WHERE ch.status <> 'CANCELLED_BY_CLINIC'), 0),
               coalesce(sum(ch.sign) FILTER (WHERE ch.status = 'NO_SHOW'), 0)
        FROM (%s) ch
        JOIN course c ON c.id = ch.course_id
        JOIN practitioner pr ON pr.id = ch.practitioner_id
        GROUP BY 1, 2, 3, 4
        HAVING coalesce(sum(ch.sign) FILTER (WHERE ch.status <> 'CANCELLED_BY_CLINIC'), 0) <> 0
            OR coalesce(sum(ch.sign) FILTER (WHERE ch.status = 'NO_SHOW'), 0) <> 0$sql$, zone, zone, changes);
    RETURN NULL;
END $$;

CREATE TRIGGER course_session_tallies_insert AFTER INSERT ON course_session
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION course_session_tallies();
CREATE TRIGGER course_session_tallies_update AFTER UPDATE ON course_session
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION course_session_tallies();
CREATE TRIGGER course_session_tallies_delete AFTER DELETE ON course_session
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION course_session_tallies();

-- The course's own columns are in its tally too: a stop, a pause, a resize or a review hold updates it.
CREATE FUNCTION course_tally_course_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM course_tally_refresh(ARRAY(SELECT n.id FROM new_rows n JOIN course_tally t ON t.course_id = n.id));
    RETURN NULL;
END $$;
CREATE TRIGGER course_tally_course_changed AFTER UPDATE ON course
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION course_tally_course_changed();

-- The grid counts a session at its practitioner's location; when a practitioner moves, their sessions move too.
CREATE FUNCTION practitioner_slot_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text := clinic_zone();
BEGIN
    INSERT INTO session_slot_delta (day, hour, location_id, program_id, kept, no_shows)
    SELECT (s.starts_at AT TIME ZONE zone)::date, extract(hour FROM s.starts_at AT TIME ZONE zone), v.location_id,
           c.program_id,
           v.sign * count(*) FILTER (WHERE s.status <> 'CANCELLED_BY_CLINIC'),
           v.sign * count(*) FILTER (WHERE s.status = 'NO_SHOW')
    FROM course_session s
    JOIN course c ON c.id = s.course_id
    CROSS JOIN (VALUES (OLD.location_id, -1), (NEW.location_id, 1)) AS v (location_id, sign)
    WHERE s.practitioner_id = NEW.id
    GROUP BY 1, 2, 3, 4, v.sign;
    RETURN NULL;
END $$;
CREATE TRIGGER practitioner_slot_move AFTER UPDATE OF location_id ON practitioner
    FOR EACH ROW WHEN (OLD.location_id IS DISTINCT FROM NEW.location_id) EXECUTE FUNCTION practitioner_slot_move();

-- Holds, blocks and their lifting, for "how long did held and blocked courses wait".
CREATE INDEX course_event_waits ON course_event (course_id, occurred_at)
    WHERE act IN ('HOLD_FOR_REVIEW', 'REVIEWED', 'BLOCKED', 'UNBLOCKED');

-- Existing data: tally every course and every session once.
SELECT course_tally_refresh(ARRAY(SELECT DISTINCT course_id FROM course_session));
SELECT session_slot_rebuild();
