-- Session notes: the values the application records, held by the database too; amendments as unalterable
-- as the signed note they correct.

ALTER TABLE session_note
    ADD CONSTRAINT session_note_position CHECK (position IN ('KNEE_ELBOW', 'SIDE_LYING', 'SUPINE', 'STANDING_BENT')),
    ADD CONSTRAINT session_note_route CHECK (route IN ('VAGINAL', 'RECTAL', 'EXTERNAL')),
    ADD CONSTRAINT session_note_intensity CHECK (intensity IN ('LOWER', 'SAME', 'HIGHER')),
    -- a label names a sample that was taken; without one it means nothing
    ADD CONSTRAINT session_note_sample_label CHECK (sample_taken OR sample_label IS NULL);

ALTER TABLE note_amendment
    ADD CONSTRAINT note_amendment_reason CHECK (btrim(reason) <> ''),
    ADD CONSTRAINT note_amendment_text CHECK (btrim(text) <> '');

CREATE INDEX note_amendment_note ON note_amendment (note_id);

-- An amendment is a correction on the record: it can be added to, never edited or removed.
CREATE FUNCTION note_amendment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'note amendment % cannot be changed or removed; add another amendment', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER note_amendment_immutable BEFORE UPDATE OR DELETE ON note_amendment
    FOR EACH ROW EXECUTE FUNCTION note_amendment_append_only();

-- Only a signed note can be amended; a draft is simply edited.
CREATE FUNCTION note_amendment_of_signed_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM session_note WHERE id = NEW.note_id AND status = 'SIGNED') THEN
        RAISE EXCEPTION 'session note % is not signed; edit the draft instead of amending it', NEW.note_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER note_amendment_signed_only BEFORE INSERT ON note_amendment
    FOR EACH ROW EXECUTE FUNCTION note_amendment_of_signed_note();
