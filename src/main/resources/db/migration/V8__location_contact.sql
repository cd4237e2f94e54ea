-- The clinic's phone for the patient's appointment list and handout (the address is already there).
ALTER TABLE location ADD COLUMN phone text;
