package org.linli.forum.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The schema contract on H2, the database of the default install. */
class H2SchemaTest extends ForumSchemaContract {

    private static EntityManagerFactory factory;

    @BeforeAll
    static void open() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:schema-test;DB_CLOSE_DELAY=-1");
        factory = TestDatabase.migrateAndOpen(dataSource);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Override
    protected EntityManagerFactory factory() {
        return factory;
    }
}
