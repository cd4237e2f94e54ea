-- Staff and logins (issue 12): a person may hold several roles (clinician and admin), a temporary password set by
-- an admin must be changed at the first sign-in, and each login has a preferred language for the screens.
-- failed_logins and locked_until stay as they are (login throttling keeps its own table).

CREATE TABLE app_user_role (
    user_id bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    role    text   NOT NULL CHECK (role IN ('RECEPTIONIST', 'CLINICIAN', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- Every existing login keeps the one role it had.
INSERT INTO app_user_role (user_id, role) SELECT id, role FROM app_user;

-- One source of truth for roles from now on.
ALTER TABLE app_user DROP COLUMN role;

ALTER TABLE app_user
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    -- The screens' language after signing in; null: the browser's own choice, as before.
    ADD COLUMN language text CHECK (language IN ('en', 'ru')),
    -- Display names are what everyone reads: never empty. Logins: short, lower case, no spaces. NOT VALID: checked
    -- for every new or changed row, while logins an operator once made by hand still load.
    ADD CONSTRAINT app_user_display_name_present CHECK (btrim(display_name) <> '') NOT VALID,
    ADD CONSTRAINT app_user_username_shape CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$') NOT VALID;
