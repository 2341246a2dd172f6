package org.linli.forum.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.forum.setup.SchemaMigration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema contract on a real PostgreSQL server, the production database: the same
 * migrations as on H2, the same entity mapping, the same round trip.
 */
class PostgresSchemaIT extends ForumSchemaContract {

    private static PostgresServer server;
    private static EntityManagerFactory factory;

    @BeforeAll
    static void start() throws Exception {
        server = PostgresServer.start();
        factory = TestDatabase.migrateAndOpen(server.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected EntityManagerFactory factory() {
        return factory;
    }

    @Test
    void migrationsAreRecordedAndRunOnlyOnce() throws Exception {
        assertThat(SchemaMigration.migrate(server.dataSource()).migrationsExecuted).isZero();
        try (Connection connection = server.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from flyway_schema_history where success")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isGreaterThanOrEqualTo(1);
        }
    }
}
