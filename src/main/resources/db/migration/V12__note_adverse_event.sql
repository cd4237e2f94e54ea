-- An adverse event is a yes/no with a description: "None" typed as a description is not an event.
-- Existing notes start as "no" (adding a column with a default does not touch signed rows, which are immutable).
ALTER TABLE session_note ADD COLUMN adverse_event boolean NOT NULL DEFAULT false;
