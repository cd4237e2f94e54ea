-- Times of day (working hours and breaks, the only time columns) were written shifted by the server's own zone:
-- hibernate.jdbc.time_zone=UTC made Hibernate render a LocalTime through the JVM's zone on 1 January 1970
-- (Moscow: 08:00 stored as 05:00). Since V22 the app binds them as plain times. The rows written before are put
-- back by the Java migration V22.2 (platform/TimesOfDayAsEntered), which alone knows the JVM's zone; each run of
-- it is recorded here, so an operator can see which zone was assumed and correct by hand if the earlier release
-- ran in another one (docs/operations.md, "Time zones").
CREATE TABLE time_of_day_correction (
    id             int         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    corrected_at   timestamptz NOT NULL DEFAULT now(),
    server_zone    text        NOT NULL,  -- the JVM's zone at the upgrade, assumed to be the earlier release's
    shift_minutes  int         NOT NULL,  -- added to every stored time of day (the zone's offset in 1970)
    working_hours  int         NOT NULL,  -- rows corrected
    working_breaks int         NOT NULL
);
GRANT SELECT ON time_of_day_correction TO ${app_role};
