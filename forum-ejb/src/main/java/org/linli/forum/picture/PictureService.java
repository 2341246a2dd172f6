package org.linli.forum.picture;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.linli.forum.cluster.Leases;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.common.NotPermittedException;
import org.linli.forum.member.CurrentMember;
import org.linli.forum.member.Member;
import org.linli.forum.member.MemberPermissions;
import org.linli.forum.member.Role;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostPermissions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use cases of pictures: a member uploads some (each decoded and re-encoded, within the limits
 * of {@link PictureRules}), places them in a post, and readers fetch them. A picture is shown to
 * whoever may see a post that shows it, and to its uploader; nobody else learns it exists.
 */
@Stateless
public class PictureService {

    private static final Logger LOG = Logger.getLogger(PictureService.class.getName());

    /** How long an uploaded picture waits to be placed in a post before it is removed. */
    static final Duration UNUSED_KEPT = Duration.ofDays(1);

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Leases leases;

    @EJB
    private CurrentMember currentMember;

    @Inject
    private PictureUse use;

    private final PictureFiles files = PictureFiles.inDataDirectory();

    /**
     * The signed-in member uploads {@code uploads}: each is stored or refused with its reason
     * (a file too large, not a picture, too many pixels, over the member's quota), so the good
     * ones are kept whatever became of the others.
     */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public UploadResult upload(List<PictureUpload> uploads) {
        Member uploader = currentMember.require();
        NotPermittedException.unless(MemberPermissions.isActive(uploader), "upload");
        long used = em.createQuery("select coalesce(sum(p.byteSize), 0) from Picture p where p.uploader = :member", Long.class)
                .setParameter("member", uploader)
                .getSingleResult();
        List<Picture> stored = new ArrayList<>();
        List<InvalidInputException> refused = new ArrayList<>();
        for (PictureUpload upload : uploads.subList(0, Math.min(uploads.size(), PictureRules.PER_POST))) {
            try {
                PictureProcessing.Result result = PictureProcessing.process(upload.content(), "pictures", upload.name());
                if (used + result.content().length > PictureRules.QUOTA_BYTES) {
                    throw new InvalidInputException("pictures", "error.picture.quota", upload.name(),
                            PictureRules.QUOTA_BYTES / (1024 * 1024));
                }
                String hash = files.store(result);
                Picture picture = em.createQuery("select p from Picture p where p.hash = :hash and p.uploader = :member", Picture.class)
                        .setParameter("hash", hash)
                        .setParameter("member", uploader)
                        .getResultStream().findFirst().orElse(null);
                if (picture == null) {
                    picture = new Picture(hash, result, uploader, Instant.now());
                    em.persist(picture);
                    used += result.content().length;
                }
                stored.add(picture);
            } catch (InvalidInputException e) {
                refused.add(e);
            }
        }
        if (uploads.size() > PictureRules.PER_POST) {
            refused.add(new InvalidInputException("pictures", "error.picture.perPost", PictureRules.PER_POST));
        }
        return new UploadResult(stored, refused);
    }

    /** The signed-in member's own pictures among {@code ids} (others are not theirs to place), in that order. */
    @RolesAllowed({Role.RESIDENT_NAME, Role.MODERATOR_NAME, Role.STAFF_NAME, Role.ADMIN_NAME})
    public List<Picture> ownPictures(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Member me = currentMember.require();
        List<Picture> found = em.createQuery("select p from Picture p where p.id in :ids and p.uploader = :member", Picture.class)
                .setParameter("ids", ids)
                .setParameter("member", me)
                .getResultList();
        return ids.stream().distinct()
                .flatMap(id -> found.stream().filter(p -> p.getId().equals(id)))
                .toList();
    }

    /**
     * The file to send for {@code /pictures/<hash>[-t].<extension>}, if the caller may see it: a
     * picture shown by a post they may see, or one they uploaded. A picture only in hidden posts
     * is, to others, not there.
     */
    @PermitAll
    public Optional<Served> find(String hash, boolean thumbnail, String extension) {
        Member reader = currentMember.find().orElse(null);
        List<Picture> pictures = em.createQuery("select p from Picture p where p.hash = :hash", Picture.class)
                .setParameter("hash", hash)
                .getResultList();
        if (pictures.isEmpty() || !pictures.get(0).extension().equals(extension)) {
            return Optional.empty();
        }
        List<Post> posts = em.createQuery("""
                select p from Post p join fetch p.topic
                where p.id in (select pp.post.id from PostPicture pp where pp.picture in :pictures)""", Post.class)
                .setParameter("pictures", pictures)
                .getResultList();
        boolean everyone = posts.stream().anyMatch(post -> PostPermissions.canSee(null, post));
        boolean mayShow = everyone
                || (reader != null && pictures.stream().anyMatch(p -> p.getUploader().getId().equals(reader.getId())))
                || (reader != null && posts.stream().anyMatch(post -> PostPermissions.canSee(reader, post)));
        if (!mayShow) {
            return Optional.empty();
        }
        Picture picture = pictures.get(0);
        return files.find(hash, thumbnail && picture.hasThumbnail(), extension)
                .map(path -> new Served(path, picture.getMediaType(), everyone));
    }

    /** A picture's file as served: its type, and whether anyone may see it (so shared caches may keep it). */
    public record Served(Path file, String mediaType, boolean forEveryone) {
    }

    /**
     * Removes pictures uploaded a day ago or longer that no post shows, and their files when no
     * one else has them. Hourly, on one server at a time (the {@link Leases#PICTURES} lease, held
     * for the hour: the servers' timers fire at the same minute).
     */
    @Schedule(hour = "*", minute = "41", persistent = false)
    void removeUnused() {
        if (!leases.acquire(Leases.PICTURES, Duration.ofMinutes(50))) {
            return;
        }
        List<Picture> unused = em.createQuery("""
                select p from Picture p where p.uploadedAt < :before
                and not exists (select pp from PostPicture pp where pp.picture = p)""", Picture.class)
                .setParameter("before", Instant.now().minus(UNUSED_KEPT))
                .setMaxResults(500)
                .getResultList();
        unused.forEach(use::remove);
        if (!unused.isEmpty()) {
            LOG.info(() -> "Removed " + unused.size() + " uploaded pictures that no post showed");
        }
    }
}
