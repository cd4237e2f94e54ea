package com.coursebook.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means "the database cannot be reached" (no connection within the pool's short timeout, the
 * connection broken, the server shutting down or starting up), which is answered 503 - try again shortly - at both
 * edges, rather than a 500 as if the request were at fault.
 */
final class DatabaseDown {

    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseDown() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof ConnectException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // The pool closed a connection that broke under a statement (the server died mid-request): the rollback
            // that follows meets Hikari's closed-connection proxy, whose SQLException carries no SQLSTATE.
            if (cause instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true;
            }
            // 08: connection exception; 57P01-03: the server is shutting down, crashed, or not accepting connections yet
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
