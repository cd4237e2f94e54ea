#!/bin/sh
# Creates CourseBook's two database roles (docs/security.md, "The database roles"). The postgres image runs this
# once, as its superuser, when it initialises an empty volume. For a volume made before the roles were split, run it
# by hand once before starting the new app version (docs/operations.md):
#   docker compose exec db sh /docker-entrypoint-initdb.d/10-coursebook-roles.sh
# It is safe to run again: roles are created if missing, their passwords and attributes set anew, and objects the
# superuser owns in the public schema are handed to the owner role.
#   coursebook_owner: owns the database and its schema; Flyway migrates as it. No superuser, no createrole.
#   coursebook_app:   the app's connections. Owns nothing; the migrations (V16) grant it rows, not the schema.
set -eu
: "${COURSEBOOK_DB_OWNER_PASSWORD:?set COURSEBOOK_DB_OWNER_PASSWORD (see .env.example)}"
: "${COURSEBOOK_DB_APP_PASSWORD:?set COURSEBOOK_DB_APP_PASSWORD (see .env.example)}"
DB="${POSTGRES_DB:-coursebook}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "$DB" \
     -v owner_password="$COURSEBOOK_DB_OWNER_PASSWORD" -v app_password="$COURSEBOOK_DB_APP_PASSWORD" \
     -v db="$DB" <<'SQL'
SELECT 'CREATE ROLE coursebook_owner LOGIN'
    WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coursebook_owner') \gexec
SELECT 'CREATE ROLE coursebook_app LOGIN'
    WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coursebook_app') \gexec
ALTER ROLE coursebook_owner WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'owner_password';
ALTER ROLE coursebook_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'app_password';
ALTER DATABASE :"db" OWNER TO coursebook_owner;
-- Only the owner and the app connect (PUBLIC may by default).
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO coursebook_owner, coursebook_app;

-- A volume from before the split: the image's superuser owns the tables. Hand them over (as the embedded mode does,
-- platform/DatabaseRoles.HAND_OVER_TO_OWNER); on a fresh volume there is nothing to hand over.
DO $$
DECLARE
    object record;
BEGIN
    FOR object IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND c.relowner <> 'coursebook_owner'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = c.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER TABLE %I OWNER TO coursebook_owner', object.relname);
    END LOOP;
    FOR object IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S'
          AND c.relowner <> 'coursebook_owner'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                          AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
    LOOP
        EXECUTE format('ALTER SEQUENCE %I OWNER TO coursebook_owner', object.relname);
    END LOOP;
    FOR object IN
        SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> 'coursebook_owner'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                          AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO coursebook_owner', object.signature);
    END LOOP;
END $$;
SQL
