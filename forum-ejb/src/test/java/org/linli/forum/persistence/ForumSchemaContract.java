package org.linli.forum.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.linli.forum.board.Board;
import org.linli.forum.content.PostRenderer;
import org.linli.forum.member.Member;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.topic.Topic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every supported database must do with the forum's schema: the migrations apply, the
 * entity mapping validates, and a topic with Chinese text round-trips. Each database's test
 * supplies the factory.
 */
public abstract class ForumSchemaContract {

    private static final PostRenderer RENDERER = new PostRenderer();

    protected abstract EntityManagerFactory factory();

    @Test
    void aTopicWithRepliesRoundTripsUnchanged() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String title = "青年路路灯不亮了 😀 " + unique;
        String body = "晚上十点以后整条路都是黑的。\n\nThe lamp at No. 12 is out.";

        long postId = inTransaction(em -> {
            Member author = new Member("张伟" + unique, unique + "@example.org", "hash", Role.RESIDENT, created);
            em.persist(author);
            Board board = new Board("城市建设", "Urban construction", 1);
            em.persist(board);
            Topic topic = new Topic(board, title, author, created);
            em.persist(topic);
            em.persist(new Post(topic, 1, author, body, RENDERER, created));
            Post reply = new Post(topic, topic.recordReply(author, created.plusSeconds(60)), author, "已报修", RENDERER,
                    created.plusSeconds(60));
            em.persist(reply);
            return reply.getId();
        });

        inTransaction(em -> {
            Post reply = em.find(Post.class, postId);
            Topic topic = reply.getTopic();
            assertThat(reply.getNumber()).isEqualTo(2);
            assertThat(topic.getTitle()).isEqualTo(title);
            assertThat(topic.getReplyCount()).isEqualTo(1);
            assertThat(topic.getLastPostAt()).isEqualTo(created.plusSeconds(60));
            assertThat(topic.getAuthor().getUsername()).isEqualTo("张伟" + unique);
            Post first = em.createQuery("select p from Post p where p.topic = :t and p.number = 1", Post.class)
                    .setParameter("t", topic).getSingleResult();
            assertThat(first.getSource()).isEqualTo(body);
            assertThat(first.getHtml()).isEqualTo("<p>晚上十点以后整条路都是黑的。</p>\n<p>The lamp at No. 12 is out.</p>\n");
            assertThat(first.isRenderedUnderCurrentPolicy()).isTrue();
            assertThat(first.getCreatedAt()).isEqualTo(created);
            return null;
        });
    }

    @Test
    void postNumbersAreUniqueWithinATopic() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long topicId = inTransaction(em -> {
            Member author = new Member("u" + unique, unique + "@example.org", "hash", Role.RESIDENT, Instant.now());
            em.persist(author);
            Board board = new Board("物业管理", "Property", 2);
            em.persist(board);
            Topic topic = new Topic(board, "t", author, Instant.now());
            em.persist(topic);
            em.persist(new Post(topic, 1, author, "a", RENDERER, Instant.now()));
            return topic.getId();
        });

        assertThatThrownBy(() -> inTransaction(em -> {
            Topic topic = em.find(Topic.class, topicId);
            em.persist(new Post(topic, 1, topic.getAuthor(), "b", RENDERER, Instant.now()));
            em.flush();
            return null;
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void usernamesAreUniqueWithoutRegardToCase() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        inTransaction(em -> {
            em.persist(new Member("Linli" + unique, "a" + unique + "@example.org", "hash", Role.RESIDENT, Instant.now()));
            return null;
        });

        assertThatThrownBy(() -> inTransaction(em -> {
            em.persist(new Member("LINLI" + unique.toUpperCase(), "b" + unique + "@example.org", "hash", Role.RESIDENT, Instant.now()));
            em.flush();
            return null;
        })).isInstanceOf(PersistenceException.class);
    }

    protected <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    protected void inTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }
}
