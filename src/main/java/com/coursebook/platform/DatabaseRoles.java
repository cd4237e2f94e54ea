package com.coursebook.platform;

/**
 * The two database roles of the embedded server (docker-compose makes the same two in
 * {@code docker/initdb/10-coursebook-roles.sh}): the owner, as which Flyway migrates, and the app's role, which owns
 * nothing and is given its rights by the migrations (V16). Neither is a superuser, so neither can switch triggers off
 * ({@code session_replication_role}), run a program ({@code COPY ... TO PROGRAM}) or create roles.
 */
public final class DatabaseRoles {

    public static final String OWNER = "coursebook_owner";

    public static final String APP = "coursebook_app";

    /** Run as superuser in the {@code postgres} database; safe to run on every start. */
    static final String CREATE_ROLES = """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coursebook_owner') THEN
                    CREATE ROLE coursebook_owner LOGIN;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coursebook_app') THEN
                    CREATE ROLE coursebook_app LOGIN;
                END IF;
                ALTER ROLE coursebook_owner NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                ALTER ROLE coursebook_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
            END $$""";

    /**
     * Run as superuser in the app's database. A data folder made before the roles were split has its tables owned by
     * {@code postgres}; the owner role must own them to migrate them. Tables carry their indexes and identity
     * sequences along; objects of extensions stay where they are. On a fresh or already handed-over database it does
     * nothing.
     */
    static final String HAND_OVER_TO_OWNER = """
            DO $$
            DECLARE
                object record;
            BEGIN
                FOR object IN
                    SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
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
            END $$""";

    private DatabaseRoles() {
    }
}
