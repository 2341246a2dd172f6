package org.linli.forum.web.post;

import jakarta.ejb.EJB;
import jakarta.servlet.http.Part;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.picture.PictureRules;
import org.linli.forum.picture.PictureService;
import org.linli.forum.picture.PictureUpload;
import org.linli.forum.picture.UploadResult;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;
import org.linli.forum.web.common.FormActions;
import org.linli.forum.web.common.Links;
import org.linli.forum.web.i18n.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the posting forms (new topic, reply, edit) share: the body being written, the pictures
 * uploaded for it, its preview, and sending it: on success to the post, on a refusal back to the
 * form with everything typed and uploaded and a message saying what to change. Files chosen in
 * the form are uploaded by whichever button sends it (attach, preview or send), without
 * JavaScript; each is listed with the Markdown that places it in the text, and those the text
 * does not place are shown under it.
 */
abstract class PostingForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PostService postService;

    @EJB
    private PictureService pictureService;

    private final PreviewPanel preview = new PreviewPanel();

    private String body;

    /** The files chosen in this submission of the form (none kept between submissions). */
    private transient List<Part> files;

    /** The pictures uploaded so far, in order. */
    private final List<AttachedPicture> attached = new ArrayList<>();

    public void preview() {
        if (receivePictures()) {
            preview.show(postService, body, attachedIds());
        }
    }

    /** The "attach" button: uploads the chosen files and shows the form again with them listed. */
    public void attach() {
        receivePictures();
    }

    /** Takes a picture off the form (it is removed from the server later if no post shows it). */
    public void detach(long pictureId) {
        attached.removeIf(picture -> picture.id() == pictureId);
    }

    /**
     * Uploads the files chosen in this submission; true if every one was accepted. Each refused
     * file gets its message beside the file field; the accepted ones are kept either way.
     */
    protected boolean receivePictures() {
        List<PictureUpload> uploads = new ArrayList<>();
        try {
            for (Part part : files == null ? List.<Part>of() : files) {
                String name = part.getSubmittedFileName();
                if (name == null || name.isBlank() || part.getSize() == 0) {
                    continue; // the field sent with no file chosen
                }
                try (InputStream in = part.getInputStream()) {
                    // At most one byte over the limit is read: enough for the limit's message.
                    uploads.add(new PictureUpload(name, in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, PictureRules.FILE_BYTES + 1))));
                }
            }
        } catch (IOException e) {
            Messages.show("form", new InvalidInputException("pictures", "error.picture.notReceived"));
            return false;
        } finally {
            files = null;
        }
        if (uploads.isEmpty()) {
            return true;
        }
        UploadResult result = pictureService.upload(uploads);
        result.stored().stream().map(AttachedPicture::of)
                .filter(picture -> attached.stream().noneMatch(a -> a.id() == picture.id()))
                .forEach(attached::add);
        if (!result.refused().isEmpty()) {
            Messages.show("form", InvalidInputException.of(result.refused()));
            return false;
        }
        return true;
    }

    protected List<Long> attachedIds() {
        return attached.stream().map(AttachedPicture::id).toList();
    }

    /** Where a form that creates a post sent it, once it has: the view (and this bean) may be posted again. */
    private String sentTo;

    /** Runs the use case that stores the post (after the files chosen with it are uploaded), then shows it. */
    protected void send(Supplier<Post> store) throws IOException {
        if (receivePictures()) {
            FormActions.run("form", () -> Links.post(store.get()));
        }
    }

    /**
     * Like {@link #send}, for a form that creates a post: the same form sent twice (a double
     * click, a reload that resends, a replayed request) creates one post, and the second sending
     * is shown that post. The bean lives as long as the view, so its view state is the key;
     * synchronized, so that two sendings at once cannot both create.
     */
    protected synchronized void sendOnce(Supplier<Post> store) throws IOException {
        if (sentTo != null) {
            Links.redirect(sentTo);
            return;
        }
        if (!receivePictures()) {
            return;
        }
        FormActions.run("form", () -> {
            sentTo = Links.post(store.get());
            return sentTo;
        });
    }

    public List<Part> getFiles() {
        return files;
    }

    public void setFiles(List<Part> files) {
        this.files = files;
    }

    /** The limits, for the field's hint. */
    public long getPictureMegabytes() {
        return PictureRules.FILE_BYTES / (1024 * 1024);
    }

    public int getPicturesPerPost() {
        return PictureRules.PER_POST;
    }

    public List<AttachedPicture> getAttached() {
        return attached;
    }

    public PreviewPanel getPreview() {
        return preview;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
