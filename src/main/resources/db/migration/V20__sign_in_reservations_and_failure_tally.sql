-- Issue 17, sign-in under attack (docs/security.md, "Sign-in throttling" and "Failed sign-ins outside the chain").

-- An attempt is counted when it is reserved, before its password is checked, and a right password takes its
-- reservation back: an account's or an address's count may come back to 0.
ALTER TABLE sign_in_throttle DROP CONSTRAINT sign_in_throttle_failures_check;
ALTER TABLE sign_in_throttle ADD CONSTRAINT sign_in_throttle_failures_check CHECK (failures >= 0);

-- Failed and throttled sign-ins, counted like repeated reads: one row per name tried, address and minute. Only the
-- first few per address and minute also get a line in the chained audit trail; the rest are only counted here, so
-- made-up names from a script cannot grow the permanent, hash-chained trail. Bookkeeping, outside the chain.
CREATE TABLE audit_sign_in_failure (
    minute    timestamptz NOT NULL,
    address   text        NOT NULL,
    account   text        NOT NULL,
    failures  integer     NOT NULL CHECK (failures >= 0),
    throttled integer     NOT NULL CHECK (throttled >= 0),
    chained   boolean     NOT NULL,
    last_at   timestamptz NOT NULL,
    PRIMARY KEY (minute, address, account),
    CHECK (failures + throttled > 0)
);
-- The admin's summary reads the last hour by time.
CREATE INDEX audit_sign_in_failure_last ON audit_sign_in_failure (last_at);
-- Counted and purged by the app; never changed otherwise (the default privileges of V16 give it rows).
REVOKE ALL ON audit_sign_in_failure FROM ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_sign_in_failure TO ${app_role};
