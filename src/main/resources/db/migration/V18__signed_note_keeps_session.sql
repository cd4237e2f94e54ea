-- A signed note and its session stay true together (issue 17, items 1 and 2). The application checks before it
-- acts and locks the course's sessions first (SessionLocks); the database is the last guard, as it is for overlaps,
-- and answers in its own SQLSTATEs so the edge can say which refusal it was:
--   23S01  a session with a signed note was to be moved, cancelled or marked missed;
--   23S02  a note was to be signed on a session that did not take place (cancelled or missed).
-- Both are in class 23 (integrity constraint violation), so every driver and Spring report them as such.

-- A signed note records what happened at its session's time: the session keeps its time, and its status may only
-- go on towards "attended" (attendance is often recorded after the clinician has signed).
CREATE FUNCTION course_session_keeps_signed_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
            OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status NOT IN ('CHECKED_IN', 'ATTENDED')))
        -- The row is locked before a BEFORE trigger runs, and this query takes a fresh snapshot (the function is
        -- VOLATILE): a signature that held the row (FOR SHARE, below) has committed by now and is seen.
        AND EXISTS (SELECT 1 FROM session_note WHERE session_id = OLD.id AND status = 'SIGNED') THEN
        RAISE EXCEPTION 'session % has a signed note: it keeps its time and cannot be cancelled or marked missed', OLD.id
            USING ERRCODE = '23S01';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER course_session_signed_note_kept BEFORE UPDATE OF status, starts_at, ends_at ON course_session
    FOR EACH ROW EXECUTE FUNCTION course_session_keeps_signed_note();

-- A note is signed only on a session that took place (or is taking place). FOR SHARE waits for a change of the
-- session under way, reads it as committed, and holds it unchanged until the signature commits: whichever of the two
-- comes second sees the other.
CREATE FUNCTION session_note_signed_on_held_session() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    session_status text;
BEGIN
    IF NEW.status = 'SIGNED' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'SIGNED') THEN
        SELECT status INTO session_status FROM course_session WHERE id = NEW.session_id FOR SHARE;
        IF session_status NOT IN ('BOOKED', 'CHECKED_IN', 'ATTENDED') THEN
            RAISE EXCEPTION 'session % did not take place (%): its note cannot be signed', NEW.session_id,
                session_status USING ERRCODE = '23S02';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER session_note_signed_on_held_session BEFORE INSERT OR UPDATE OF status ON session_note
    FOR EACH ROW EXECUTE FUNCTION session_note_signed_on_held_session();

-- Whoever signs a note is the one who wrote it (item 2): a note never reads "written by one, vouched for by another".
-- NOT VALID: checked for every new signature; notes signed before this release keep whoever signed them (and show
-- both names where they differ).
ALTER TABLE session_note
    ADD CONSTRAINT session_note_signed_by_author CHECK (status <> 'SIGNED' OR signed_by = author) NOT VALID;
