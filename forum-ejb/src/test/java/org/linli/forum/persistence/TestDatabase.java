package org.linli.forum.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.linli.forum.setup.SchemaMigration;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The forum's persistence unit outside the server: the schema made by the real migrations, then
 * Hibernate (the server's version) in resource-local mode validating its mapping against it.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static EntityManagerFactory migrateAndOpen(DataSource dataSource) {
        SchemaMigration.migrate(dataSource);
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("jakarta.persistence.jtaDataSource", null);
        settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
        // Fails fast if an entity and the migrated schema disagree on a table, column or type.
        settings.put("hibernate.hbm2ddl.auto", "validate");
        // As strict about JPQL as the server is.
        settings.put("hibernate.jpa.compliance.query", "true");
        return Persistence.createEntityManagerFactory("forum", settings);
    }
}
