-- Issue 17, item 12: the audit trail's time is the database's. The app's role could insert a line dated last year
-- and the chain hashed whatever time it was given, so audit_verify() called the forged line whole. Now the chain
-- trigger stamps the line itself (clock_timestamp(), taken once the chain's lock is held, so time order is chain
-- order) and refuses a time supplied by a role that could not switch the trigger off anyway: only the table's owner
-- (and a superuser) may date a line, for fixtures and imports; the app's role never can.

-- No default: a time left out reaches the trigger as NULL, so "supplied" can be told from "not supplied".
ALTER TABLE audit_event ALTER COLUMN occurred_at DROP DEFAULT;

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    last_seq  bigint;
    last_hash bytea;
BEGIN
    -- session_user: the role that connected (inside this SECURITY DEFINER function current_user is the owner).
    IF NEW.occurred_at IS NOT NULL AND NOT pg_has_role(session_user,
            (SELECT c.relowner FROM pg_class c WHERE c.oid = 'audit_event'::regclass), 'USAGE') THEN
        RAISE EXCEPTION 'the audit trail sets its own time; leave occurred_at out'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
    NEW.occurred_at := coalesce(NEW.occurred_at, clock_timestamp());
    SELECT e.chain_seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, audit_chain_genesis());
    NEW.hash := audit_link_hash(NEW.prev_hash, NEW);
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;
