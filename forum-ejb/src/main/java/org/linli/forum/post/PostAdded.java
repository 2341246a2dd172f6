package org.linli.forum.post;

/**
 * A post was added: a topic opened ({@link Post#isOpening()}) or a reply. Raised by
 * {@link Posting} inside the transaction that stores the post; observers (search, notifications)
 * react in that same transaction.
 *
 * @param imported the post came from an archive, not from a member now: it is history, so
 *                 nobody is told of it and nobody starts watching
 */
public record PostAdded(Post post, boolean imported) {
}
