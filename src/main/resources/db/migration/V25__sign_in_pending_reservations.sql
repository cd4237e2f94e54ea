-- Issue 17, item 7, second look: a reservation still being checked (bcrypt running) is counted apart from the
-- failures that completed. Waits are timed from completed failures only; an attempt that only in-flight
-- reservations hold back waits for them to finish instead of being refused, so a client's parallel requests with
-- the right password are not turned away with 429, while a burst of wrong ones still gets no more checks than the
-- limits allow (docs/security.md, "Sign-in throttling").
ALTER TABLE sign_in_throttle ADD COLUMN pending integer NOT NULL DEFAULT 0 CHECK (pending >= 0 AND pending <= failures);
-- When the latest reservation was made: reservations older than a few seconds whose check never answered (the
-- request died with the database) count neither as in flight nor as failures.
ALTER TABLE sign_in_throttle ADD COLUMN reserved_at timestamptz;
