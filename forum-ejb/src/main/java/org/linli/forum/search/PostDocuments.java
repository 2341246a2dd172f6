package org.linli.forum.search;

import jakarta.persistence.EntityManager;
import org.linli.forum.post.Post;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads posts from the database as the index wants them, and writes them to it. */
final class PostDocuments {

    private PostDocuments() {
    }

    /** Upserts the given posts; a post that no longer exists is deleted from the index. */
    static void upsert(EntityManager em, PostIndex index, List<Long> postIds) throws IOException {
        if (postIds.isEmpty()) {
            return;
        }
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
                    PostText.of(post.getHtml()), post.getCreatedAt(), true));
        }
        for (long id : missing) {
            index.delete(id);
        }
    }
}
