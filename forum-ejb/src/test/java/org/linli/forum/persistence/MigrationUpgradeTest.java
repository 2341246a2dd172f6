package org.linli.forum.persistence;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.linli.forum.setup.SchemaMigration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forum that ran an earlier version keeps its data when it is upgraded: the later migrations
 * apply to a database holding members, boards, topics and posts written under version 3, and give
 * the demo boards their kinds and their topics a status.
 */
class MigrationUpgradeTest {

    @Test
    void aVersionThreeForumUpgradesWithItsData() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").target("3").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO forum_member VALUES (1, 'resident', 'resident', 'resident', 'r@example.org', 'r@example.org',
                        'hash', 'RESIDENT', CURRENT_TIMESTAMP, 0)""");
            sql.execute("INSERT INTO board VALUES (1, '物业管理', '', 1, 1, 2, CURRENT_TIMESTAMP, NULL)");
            sql.execute("INSERT INTO board VALUES (2, '社区公告', '', 2, 0, 0, NULL, NULL)");
            sql.execute("INSERT INTO board VALUES (3, '闲聊', '', 3, 0, 0, NULL, NULL)");
            sql.execute("""
                    INSERT INTO topic VALUES (1, 1, '漏水', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 1, FALSE, FALSE, 0)""");
            sql.execute("""
                    INSERT INTO post (id, topic_id, post_number, author_id, source, html, created_at, version, render_version, revision_count)
                    VALUES (1, 1, 1, 1, '楼上漏水', '<p>楼上漏水</p>', CURRENT_TIMESTAMP, 0, 1, 1),
                           (2, 1, 2, 1, '还在漏', '<p>还在漏</p>', CURRENT_TIMESTAMP, 0, 1, 1)""");
            sql.execute("INSERT INTO search_change VALUES (1, 2, CURRENT_TIMESTAMP)");
        }

        SchemaMigration.migrate(dataSource);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(column(sql, "SELECT kind FROM board ORDER BY id")).isEqualTo("PROBLEMS,ANNOUNCEMENTS,DISCUSSION");
            assertThat(column(sql, "SELECT problem_status FROM topic")).isEqualTo("OPEN");
            assertThat(column(sql, "SELECT hidden_topic_count FROM board ORDER BY id")).isEqualTo("0,0,0");
            assertThat(column(sql, "SELECT deleted_by_author FROM post ORDER BY id")).isEqualTo("FALSE,FALSE");
            assertThat(column(sql, "SELECT post_id FROM search_change")).isEqualTo("2");
            assertThat(column(sql, "SELECT source FROM post ORDER BY id")).isEqualTo("楼上漏水,还在漏");
        }
    }

    private static String column(Statement sql, String query) throws SQLException {
        StringBuilder values = new StringBuilder();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.append(values.length() == 0 ? "" : ",").append(rows.getString(1));
            }
        }
        return values.toString();
    }
}
