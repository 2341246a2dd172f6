package org.linli.forum.picture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.content.PictureSizes;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostAdded;
import org.linli.forum.post.PostChanged;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps which posts show which pictures, one more observer of a post's events, in the post's
 * transaction: a new or edited post shows the pictures its rendered text has; a post its author
 * deletes takes its pictures with it, unless another post shows them too. A picture's files go
 * after the commit that removed its last row.
 */
@ApplicationScoped
public class PictureUse {

    private static final Logger LOG = Logger.getLogger(PictureUse.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<PictureRemoved> removed;

    private final PictureFiles files = PictureFiles.inDataDirectory();

    /** The files of a picture whose last row went, to remove once that is committed. */
    record PictureRemoved(String hash, String extension) {
    }

    void postAdded(@Observes PostAdded event) {
        show(event.post(), true);
    }

    void postChanged(@Observes PostChanged event) {
        switch (event.change()) {
            case EDITED -> show(event.post(), false);
            case DELETED_BY_AUTHOR -> {
                List<Picture> shown = shownBy(event.post());
                em.createQuery("delete from PostPicture pp where pp.post = :post").setParameter("post", event.post()).executeUpdate();
                shown.stream().filter(picture -> !isShown(picture)).forEach(this::remove);
            }
            default -> {
                // Hidden and restored posts keep their pictures: serving asks whether the reader may
                // see the post. A re-rendered post shows the pictures it showed (same source, same pictures).
            }
        }
    }

    /**
     * Makes the post's rows those of the stored pictures its HTML shows. A new post has none yet
     * (not asked: an archive import adds a million posts, nearly all without pictures).
     */
    private void show(Post post, boolean isNew) {
        Set<String> hashes = PictureSizes.hashesIn(post.getHtml());
        List<Picture> before = isNew ? List.of() : shownBy(post);
        if (hashes.isEmpty() && before.isEmpty()) {
            return;
        }
        before.stream().filter(picture -> !hashes.remove(picture.getHash()))
                .forEach(picture -> em.createQuery("delete from PostPicture pp where pp.post = :post and pp.picture = :picture")
                        .setParameter("post", post).setParameter("picture", picture).executeUpdate());
        if (!hashes.isEmpty()) {
            // One row per hash: the author's own upload if there is one, else the first member's.
            List<Picture> pictures = em.createQuery("select p from Picture p where p.hash in :hashes order by p.id", Picture.class)
                    .setParameter("hashes", hashes)
                    .getResultList();
            for (String hash : hashes) {
                pictures.stream().filter(p -> p.getHash().equals(hash))
                        .filter(p -> p.getUploader().getId().equals(post.getAuthor().getId()))
                        .findFirst()
                        .or(() -> pictures.stream().filter(p -> p.getHash().equals(hash)).findFirst())
                        .ifPresent(picture -> em.persist(new PostPicture(post, picture)));
            }
        }
    }

    private List<Picture> shownBy(Post post) {
        return em.createQuery("select pp.picture from PostPicture pp where pp.post = :post", Picture.class)
                .setParameter("post", post)
                .getResultList();
    }

    private boolean isShown(Picture picture) {
        return !em.createQuery("select pp.post.id from PostPicture pp where pp.picture = :picture")
                .setParameter("picture", picture).setMaxResults(1).getResultList().isEmpty();
    }

    /** Removes a picture no post shows; its files go after the commit if no other member has the same picture. */
    void remove(Picture picture) {
        em.createQuery("delete from PostPicture pp where pp.picture = :picture").setParameter("picture", picture).executeUpdate();
        em.remove(picture);
        boolean othersHaveIt = !em.createQuery("select p.id from Picture p where p.hash = :hash and p <> :picture")
                .setParameter("hash", picture.getHash()).setParameter("picture", picture)
                .setMaxResults(1).getResultList().isEmpty();
        if (!othersHaveIt) {
            removed.fire(new PictureRemoved(picture.getHash(), picture.extension()));
        }
    }

    void removeFiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) PictureRemoved event) {
        try {
            files.delete(event.hash(), event.extension());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the files of picture " + event.hash(), e);
        }
    }
}
