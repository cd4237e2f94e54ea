-- Availability: breaks, leave and closures are read per practitioner and date range.

-- UNIQUE (location_id, closed_on) treats NULLs as distinct, so a closure of every location (location_id NULL)
-- could be recorded twice for one day. Once is enough.
CREATE UNIQUE INDEX clinic_closure_everywhere_once ON clinic_closure (closed_on) WHERE location_id IS NULL;
CREATE INDEX clinic_closure_closed_on ON clinic_closure (closed_on);

CREATE INDEX working_break_practitioner ON working_break (practitioner_id, day_of_week);
CREATE INDEX practitioner_absence_practitioner ON practitioner_absence (practitioner_id, ends_on);
