-- Issue 17, items 4 and 6.

-- The addresses each API token was used from: a use from an address not in here is written to the audit trail
-- (one row per token and address, so a script that keeps calling from one place writes nothing new).
CREATE TABLE api_token_address (
    token_id      bigint      NOT NULL REFERENCES api_token ON DELETE CASCADE,
    address       text        NOT NULL CHECK (length(address) BETWEEN 1 AND 100),
    first_used_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (token_id, address)
);

-- Raised when the person changes their own password: a session signed in under an older value is ended at its next
-- request (ASVS 5.0 7.4.3). A counter, not a time, so no clock of any instance matters.
ALTER TABLE app_user ADD COLUMN session_epoch integer NOT NULL DEFAULT 0 CHECK (session_epoch >= 0);

-- The app's role may change the column like the rest of the row (the table grants cover it); nothing else to grant:
-- new tables get the app role's rights from V16's default privileges.
