package org.linli.forum.it;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.forum.board.Board;
import org.linli.forum.board.BoardKind;
import org.linli.forum.board.BoardService;
import org.linli.forum.common.InvalidInputException;
import org.linli.forum.member.MemberService;
import org.linli.forum.member.Registration;
import org.linli.forum.moderation.ModerationService;
import org.linli.forum.picture.Picture;
import org.linli.forum.picture.PictureService;
import org.linli.forum.picture.PictureUpload;
import org.linli.forum.picture.UploadResult;
import org.linli.forum.post.Post;
import org.linli.forum.post.PostService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pictures in the server, with its security and transactions: who may place which picture, who
 * is shown it, what its post's hiding and deleting do, and the limits. The server runs with a
 * quota of 3,000,000 bytes per member (arquillian.xml) so the quota can be reached.
 */
@ExtendWith(ArquillianExtension.class)
class PictureServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.forumDomain(PictureServiceIT.class);
    }

    @EJB
    private MemberService members;

    @EJB
    private BoardService boards;

    @EJB
    private PostService posts;

    @EJB
    private PictureService pictures;

    @EJB
    private ModerationService moderation;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final Random random = new Random(unique.hashCode());

    @Test
    void aPictureIsShownToReadersOfAVisiblePostOnlyAndGoesWithItsDeletedPost() throws Exception {
        String owner = register("拍照" + unique);
        String other = register("邻居" + unique);
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard("图片 " + unique, "", BoardKind.DISCUSSION));

        Picture lamp = upload(owner, List.of(new PictureUpload("lamp.png", png(300, 200, false)))).stored().get(0);
        Picture spare = upload(owner, List.of(new PictureUpload("spare.png", png(300, 200, false)))).stored().get(0);
        assertThat(find(null, lamp)).as("not yet in a post: nobody else sees it").isFalse();
        assertThat(find(other, lamp)).isFalse();
        assertThat(find(owner, lamp)).as("its uploader does, for the preview").isTrue();

        // Another member cannot place it: ids of pictures not theirs are not theirs to place.
        Post foreign = As.member(other, "RESIDENT", () -> posts.startTopic(board.getId(), "借图 " + unique, "看这个", List.of(lamp.getId())));
        assertThat(foreign.getSource()).doesNotContain(lamp.getHash());

        Post post = As.member(owner, "RESIDENT", () -> posts.startTopic(board.getId(), "路灯 " + unique, "坏了", List.of(lamp.getId())));
        assertThat(post.getSource()).isEqualTo("坏了\n\n" + lamp.getMarkdown());
        assertThat(post.getHtml()).contains("src=\"" + lamp.getAddress() + "\"").contains("width=\"300\" height=\"200\"");
        assertThat(find(null, lamp)).as("in a visible post: everyone").isTrue();

        Post reply = As.member(owner, "RESIDENT", () -> posts.reply(post.getTopic().getId(), "第二张", false, List.of(spare.getId())));
        As.member("it-admin", "ADMIN", () -> moderation.hidePost(reply.getId(), "测试"));
        assertThat(find(null, spare)).as("only in a hidden post").isFalse();
        assertThat(find(other, spare)).isFalse();
        assertThat(find("it-admin", spare)).as("a moderator still sees what was hidden").isTrue();

        As.member(owner, "RESIDENT", () -> posts.delete(post.getId()));
        assertThat(find(owner, lamp)).as("its post deleted by its author: the picture is gone, for its uploader too").isFalse();
        assertThat(As.member(owner, "RESIDENT", () -> pictures.ownPictures(List.of(lamp.getId())))).isEmpty();
    }

    @Test
    void anEditThatTakesAPictureOutOfTheTextStopsShowingIt() throws Exception {
        String owner = register("编辑" + unique);
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard("编辑图片 " + unique, "", BoardKind.DISCUSSION));
        Picture picture = upload(owner, List.of(new PictureUpload("a.png", png(120, 90, false)))).stored().get(0);
        Post post = As.member(owner, "RESIDENT", () -> posts.startTopic(board.getId(), "图 " + unique,
                "![井盖](" + picture.getAddress() + ")", List.of(picture.getId())));
        assertThat(post.getSource()).as("placed in the text, not added again").isEqualTo("![井盖](" + picture.getAddress() + ")");
        assertThat(find(null, picture)).isTrue();

        As.member(owner, "RESIDENT", () -> posts.edit(post.getId(), "图不要了"));
        assertThat(find(null, picture)).isFalse();
        assertThat(find(owner, picture)).as("still the uploader's, until it is cleaned up").isTrue();
    }

    @Test
    void limitsPerSubmissionPerPostAndPerMemberAreEachRefusedWithTheirReason() throws Exception {
        String owner = register("限额" + unique);
        Board board = As.member("it-admin", "ADMIN", () -> boards.createBoard("限额 " + unique, "", BoardKind.DISCUSSION));

        List<PictureUpload> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new PictureUpload(i + ".png", png(40 + i, 30, false)));
        }
        UploadResult many = upload(owner, eleven);
        assertThat(many.stored()).hasSize(10);
        assertThat(many.refused()).extracting(InvalidInputException::getMessageKey).containsExactly("error.picture.perPost");

        Picture another = upload(owner, List.of(new PictureUpload("x.png", png(50, 50, false)))).stored().get(0);
        List<Long> ids = new ArrayList<>(many.stored().stream().map(Picture::getId).toList());
        ids.add(another.getId());
        assertThatThrownBy(() -> As.member(owner, "RESIDENT", () -> posts.startTopic(board.getId(), "太多 " + unique, "十一张", ids)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessageKey()).isEqualTo("error.picture.perPost"));

        // Noise does not compress: about 1 MB each, and the quota is 3,000,000 bytes.
        List<PictureUpload> noisy = List.of(new PictureUpload("n1.png", png(600, 560, true)),
                new PictureUpload("n2.png", png(600, 560, true)), new PictureUpload("n3.png", png(600, 560, true)));
        UploadResult full = upload(owner, noisy);
        assertThat(full.stored()).hasSize(2);
        assertThat(full.refused()).singleElement().satisfies(e -> {
            assertThat(e.getMessageKey()).isEqualTo("error.picture.quota");
            assertThat(e.getArguments()[0]).isEqualTo("n3.png");
        });
    }

    @Test
    void onlySignedInMembersUpload() {
        assertThatThrownBy(() -> pictures.upload(List.of(new PictureUpload("a.png", new byte[0]))))
                .isInstanceOf(EJBAccessException.class);
    }

    private String register(String name) {
        members.register(new Registration(name, Math.abs(name.hashCode()) + unique + "@example.org", "password-" + unique));
        return name;
    }

    private UploadResult upload(String member, List<PictureUpload> uploads) throws Exception {
        return As.member(member, "RESIDENT", () -> pictures.upload(uploads));
    }

    private boolean find(String member, Picture picture) throws Exception {
        if (member == null) {
            return pictures.find(picture.getHash(), false, picture.extension()).isPresent();
        }
        return As.member(member, member.equals("it-admin") ? "ADMIN" : "RESIDENT",
                () -> pictures.find(picture.getHash(), false, picture.extension()).isPresent());
    }

    /** A PNG of its own: random pixels (noisy) or a random flat colour, so no two tests share one. */
    private byte[] png(int width, int height, boolean noisy) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int colour = random.nextInt(0xFFFFFF);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noisy ? random.nextInt(0xFFFFFF) : colour);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
