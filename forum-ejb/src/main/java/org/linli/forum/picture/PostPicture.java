package org.linli.forum.picture;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.linli.forum.post.Post;

import java.io.Serializable;
import java.util.Objects;

/** A post shows a picture (its rendered text has it): kept by {@link PictureUse}. */
@Entity
@Table(name = "post_picture")
@IdClass(PostPicture.Key.class)
public class PostPicture {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    private Post post;

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "picture_id")
    private Picture picture;

    protected PostPicture() {
    }

    PostPicture(Post post, Picture picture) {
        this.post = post;
        this.picture = picture;
    }

    public Post getPost() {
        return post;
    }

    public Picture getPicture() {
        return picture;
    }

    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long post;
        private Long picture;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(post, key.post) && Objects.equals(picture, key.picture);
        }

        @Override
        public int hashCode() {
            return Objects.hash(post, picture);
        }
    }
}
