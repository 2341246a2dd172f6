package org.linli.forum.web.common;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.resource.ResourceException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is away" (503, try again), and which are faults (500). */
class DatabaseOutageTest {

    @Test
    void noConnectionAShutdownInFlightAndAFileThatCannotBeOpenedAreOutages() {
        // PostgreSQL stopped: the pool cannot make a connection.
        assertThat(DatabaseOutage.isCause(new ServletException(new EJBTransactionRolledbackException("rolled back",
                new RuntimeException(new SQLException("IJ031084: Unable to create connection", new ResourceException("no connection"))))))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("timed out"))).isTrue();
        // PostgreSQL shutting down while a reply's insert was in flight (seen in the outage test).
        assertThat(DatabaseOutage.isCause(new RuntimeException(new BatchUpdateException("Batch entry 0 was aborted", "57P01",
                0, new int[0], new SQLException("FATAL: terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // H2's file held by another process.
        assertThat(DatabaseOutage.isCause(new SQLException("Database may be already in use", "90020"))).isTrue();
    }

    @Test
    void aCommitThatFailedAsTheDatabaseStoppedIsAnOutage() {
        // JTA's RollbackException ("Could not commit transaction") keeps the reason as a suppressed
        // exception, as seen in CI when PostgreSQL stopped during a reply's commit.
        Exception commit = new Exception("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new Exception("IJ001156: Could not commit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseOutage.isCause(new ServletException(new EJBTransactionRolledbackException("rolled back", commit)))).isTrue();

        Exception conflict = new Exception("ARJUNA016053: Could not commit transaction.");
        conflict.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(DatabaseOutage.isCause(conflict)).as("a commit refused for the data").isFalse();

        Exception loop = new Exception("a cause that suppresses itself");
        loop.addSuppressed(new Exception(loop));
        assertThat(DatabaseOutage.isCause(loop)).isFalse();
    }

    @Test
    void faultsInTheRequestOrTheCodeAreNot() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isCause(new ServletException("no cause"))).isFalse();
    }
}
