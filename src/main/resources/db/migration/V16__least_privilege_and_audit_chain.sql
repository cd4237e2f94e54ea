-- Issue 13: least privilege for the app's database role, a hash chain over the audit trail, indexes for the
-- admin's audit viewer and a side table for repeated reads. Runs as the owner role (Flyway's credentials); the app
-- connects as ${app_role}, which owns nothing (docs/security.md).

-- ---------------------------------------------------------------- the app's rights
-- Rows only: no TRUNCATE, REFERENCES or TRIGGER, and nothing on the schema but USAGE (no CREATE).
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
-- UPDATE on sequences for setval (the demo data keeps its ids).
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app_role};
-- Tables and sequences that later migrations create get the same rights; what must stay closed is revoked there.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app_role};
-- The trail is read and appended to, never changed (the triggers of V1 say so too, for everyone else).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${app_role};
-- The migrations' own bookkeeping is not the app's business.
REVOKE ALL ON flyway_schema_history FROM ${app_role};

-- ---------------------------------------------------------------- the hash chain
-- Each row carries sha256(previous row's hash || its own content). Rows are chained in chain_seq order. A writer
-- takes a transaction-level advisory lock and links to the last row it can see through the index on chain_seq; the
-- lock is held to commit, so writers in concurrent transactions queue and the chain has neither gaps nor forks (a
-- rolled-back writer's rows go with it). The trigger function is VOLATILE, so after the wait its query sees what the
-- writer before it committed (the app's transactions are READ COMMITTED; a REPEATABLE READ writer that raced would
-- fail on the unique chain_seq rather than fork the chain).
ALTER TABLE audit_event
    ADD COLUMN chain_seq bigint,
    ADD COLUMN prev_hash bytea,
    ADD COLUMN hash      bytea;

-- The last link, moved once per inserting statement: removing rows from the end of the trail shows against it.
CREATE TABLE audit_chain_head (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_seq  bigint NOT NULL,
    last_hash bytea  NOT NULL
);
-- Only the chain trigger (SECURITY DEFINER, owned by the owner role) moves the head.
REVOKE ALL ON audit_chain_head FROM ${app_role};
GRANT SELECT ON audit_chain_head TO ${app_role};

-- The hashed content: every column but the hash itself, in a fixed text form (jsonb's, with the time as
-- microseconds since the epoch so the session's time zone cannot change it).
CREATE FUNCTION audit_link_hash(prev bytea, e audit_event) RETURNS bytea
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sha256(prev || convert_to(jsonb_build_array(e.chain_seq, e.id,
            (extract(epoch FROM e.occurred_at) * 1000000)::bigint, e.actor, e.action, e.entity_type, e.entity_id,
            e.patient_id, e.details)::text, 'UTF8'))
$$;

CREATE FUNCTION audit_chain_genesis() RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
$$;

-- Hash the rows already there, in id order (the append-only trigger is switched off for this one statement's time,
-- inside the migration's transaction).
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
DO $$
DECLARE
    e    audit_event;
    prev bytea := audit_chain_genesis();
    seq  bigint := 0;
BEGIN
    FOR e IN SELECT * FROM audit_event ORDER BY id LOOP
        seq := seq + 1;
        e.chain_seq := seq;
        e.prev_hash := prev;
        e.hash := audit_link_hash(prev, e);
        UPDATE audit_event SET chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
        prev := e.hash;
    END LOOP;
    INSERT INTO audit_chain_head (last_seq, last_hash) VALUES (seq, prev);
END $$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;

ALTER TABLE audit_event
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_event_chain ON audit_event (chain_seq);

-- Whatever the inserting statement says about the chain columns is replaced: the link is the database's. The look-up
-- is an index probe, not a read of the head row, so a transaction writing many lines stays linear.
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    last_seq  bigint;
    last_hash bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit_event_chain'));
    SELECT e.chain_seq, e.hash INTO last_seq, last_hash FROM audit_event e ORDER BY e.chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, audit_chain_genesis());
    NEW.hash := audit_link_hash(NEW.prev_hash, NEW);
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_chain_head_move() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE audit_chain_head h SET last_seq = n.chain_seq, last_hash = n.hash
    FROM (SELECT chain_seq, hash FROM new_rows ORDER BY chain_seq DESC LIMIT 1) n
    WHERE n.chain_seq > h.last_seq;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION audit_chain_head_move() FROM PUBLIC;
CREATE TRIGGER audit_event_chain_head AFTER INSERT ON audit_event
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_move();

-- The first broken link, or none: a row whose content no longer gives its hash (changed), a row whose prev_hash is
-- not the hash of the row before (a row re-hashed or replaced), a gap in chain_seq (rows removed), or a head that
-- does not name the last row (rows removed from the end). One pass over the table, in one snapshot.
CREATE FUNCTION audit_verify()
    RETURNS TABLE (rows_checked bigint, broken_seq bigint, broken_id bigint, problem text, head_hash text)
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    head audit_chain_head;
BEGIN
    SELECT * INTO head FROM audit_chain_head;
    SELECT count(*) INTO rows_checked FROM audit_event;
    head_hash := encode(head.last_hash, 'hex');
    SELECT c.chain_seq, c.id, c.problem INTO broken_seq, broken_id, problem
    FROM (SELECT e.chain_seq, e.id,
                 CASE WHEN e.hash IS DISTINCT FROM audit_link_hash(e.prev_hash, e) THEN 'content'
                      WHEN e.chain_seq <> coalesce(lag(e.chain_seq) OVER w, 0) + 1 THEN 'missing'
                      WHEN e.prev_hash IS DISTINCT FROM coalesce(lag(e.hash) OVER w, audit_chain_genesis())
                          THEN 'link'
                 END AS problem
          FROM audit_event e
          WINDOW w AS (ORDER BY e.chain_seq)) c
    WHERE c.problem IS NOT NULL
    ORDER BY c.chain_seq
    LIMIT 1;
    IF problem IS NULL THEN
        IF head.last_seq <> coalesce((SELECT max(chain_seq) FROM audit_event), 0)
                OR head.last_hash IS DISTINCT FROM coalesce(
                    (SELECT hash FROM audit_event WHERE chain_seq = head.last_seq), audit_chain_genesis()) THEN
            problem := 'end';
            broken_seq := head.last_seq;
        END IF;
    END IF;
    RETURN NEXT;
END $$;

-- ---------------------------------------------------------------- repeated reads
-- A burst of identical reads by one person (same action, object, patient and details within a minute) is one chained
-- row plus a counter here. The counter changes after the row is written, so it lives outside the chain: the chain
-- proves that the first read happened and what it was; how many times it was repeated is bookkeeping.
CREATE TABLE audit_repeat (
    event_id     bigint PRIMARY KEY REFERENCES audit_event (id),
    repeat_count integer     NOT NULL CHECK (repeat_count > 0),
    last_at      timestamptz NOT NULL
);
REVOKE ALL ON audit_repeat FROM ${app_role};
GRANT SELECT, INSERT, UPDATE ON audit_repeat TO ${app_role};

-- ---------------------------------------------------------------- indexes for the audit viewer
-- Newest first, keyset-paged on (occurred_at, id): one index per filter leads, the time and id follow, so each page
-- is an index range scan whatever the table's size. These replace V1's two indexes without the id.
DROP INDEX audit_event_patient;
DROP INDEX audit_event_time;
CREATE INDEX audit_event_time ON audit_event (occurred_at, id);
CREATE INDEX audit_event_patient ON audit_event (patient_id, occurred_at, id) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at, id);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at, id);
