-- The pain (0-10, during or after a session) from which a signed note holds the course for review is the
-- program's, edited by the admin. Gynecological massage must not cause real pain (DOMAIN.md, 004): from 4.
-- Prostate and rectal massage may leave a passing discomfort (001): from 7, severe pain.
ALTER TABLE treatment_program
    ADD COLUMN review_pain_threshold int NOT NULL DEFAULT 7 CHECK (review_pain_threshold BETWEEN 1 AND 10);
UPDATE treatment_program SET review_pain_threshold = 4 WHERE code = 'GYNECOLOGICAL_MASSAGE';
