package org.linli.forum.web.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, its file locked or
 * unreadable), as opposed to a fault in the request or the code. Such a failure is temporary for
 * the reader: the forum answers 503 with "try again shortly", and recovers by itself when the
 * database is back, since the connection pool validates each connection before use.
 */
public final class DatabaseOutage {

    /** SQLSTATE class 08 is "connection exception" in the SQL standard, which PostgreSQL and H2 follow. */
    private static final String CONNECTION_EXCEPTION = "08";
    /**
     * SQLSTATE 57P01-57P03, "operator intervention": the server is shutting down (it ends the
     * sessions of queries in flight), crashed, or cannot take connections yet (starting up).
     */
    private static final String SHUTTING_DOWN = "57P";
    /** H2's own states for a database file that cannot be opened or read (in use, I/O error, file gone). */
    private static final Set<String> H2_FILE_UNAVAILABLE = Set.of("90020", "90028", "90031", "90098", "90121");
    /** Exceptions of the pool and of Hibernate that say no connection could be had; named, as forum-web does not compile against them. */
    private static final Set<String> NO_CONNECTION = Set.of(
            "jakarta.resource.ResourceException",
            "org.hibernate.exception.JDBCConnectionException");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        return isCause(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Follows causes and suppressed exceptions: a commit that failed because the connection went
     * keeps the database's answer as a suppressed exception of JTA's RollbackException.
     */
    private static boolean isCause(Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (saysNoConnection(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isCause(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean saysNoConnection(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || sql.getSQLState().startsWith(SHUTTING_DOWN)
                || H2_FILE_UNAVAILABLE.contains(sql.getSQLState()))) {
            return true;
        }
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (NO_CONNECTION.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
