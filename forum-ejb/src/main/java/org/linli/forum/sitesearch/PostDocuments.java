package org.linli.forum.sitesearch;

import jakarta.persistence.EntityManager;
import org.linli.forum.post.Post;
import org.linli.forum.search.PostDocument;
import org.linli.forum.search.PostIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads posts from the database as the index wants them, and writes them to it. */
final class PostDocuments {

    private static final int CHUNK = 500;

    private final EntityManager em;

    PostDocuments(EntityManager em) {
        this.em = em;
    }

    /** The posts the changes name, directly or through their topic, each once. */
    List<Long> postsOf(List<SearchChange> changes) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> topics = new LinkedHashSet<>();
        for (SearchChange change : changes) {
            if (change.getPostId() != null) {
                ids.add(change.getPostId());
            } else if (change.getTopicId() != null) {
                topics.add(change.getTopicId());
            }
        }
        if (!topics.isEmpty()) {
            ids.addAll(em.createQuery("select p.id from Post p where p.topic.id in :topics", Long.class)
                    .setParameter("topics", topics).getResultList());
        }
        return new ArrayList<>(ids);
    }

    /** Upserts the given posts, a chunk at a time; a post that no longer exists is deleted from the index. */
    void upsert(PostIndex index, List<Long> postIds) throws IOException {
        for (int from = 0; from < postIds.size(); from += CHUNK) {
            upsertChunk(index, postIds.subList(from, Math.min(postIds.size(), from + CHUNK)));
        }
    }

    private void upsertChunk(PostIndex index, List<Long> postIds) throws IOException {
        List<Post> posts = em.createQuery("""
                select p from Post p join fetch p.topic join fetch p.author
                where p.id in :ids""", Post.class)
                .setParameter("ids", postIds)
                .getResultList();
        Set<Long> missing = new HashSet<>(postIds);
        for (Post post : posts) {
            missing.remove(post.getId());
            index.upsert(new PostDocument(post.getId(), post.getTopic().getId(), post.getTopic().getBoard().getId(),
                    post.getNumber(), post.getAuthor().getUsername(), post.getTopic().getTitle(),
                    PostText.of(post.getHtml()), post.getCreatedAt(),
                    !post.isHidden() && !post.getTopic().isHidden()));
        }
        for (long id : missing) {
            index.delete(id);
        }
    }
}
