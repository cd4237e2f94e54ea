-- Safe retries (docs/api.md, "Idempotency-Key"): a request sent with a key is answered once; a retry with the same
-- key gets the answer kept here. Keys are per user (two people may pick the same one). A row without a status is a
-- request still running (or one whose app died before it could answer: then the key stays refused until it expires,
-- since the booking may or may not have been made). Kept 24 hours after the first use, then deleted.
CREATE TABLE idempotency_key (
    username     text        NOT NULL,
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    fingerprint  bytea       NOT NULL,  -- SHA-256 of the method, path and body (or form fields) of the first request
    status       int,                   -- the answer's status; NULL while the first request runs
    location     text,
    content_type text,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${app_role};
