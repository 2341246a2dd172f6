package org.linli.forum.guest;

/**
 * A guest reply as the form sent it: the three fields, the honeypot a person leaves empty, the
 * signed time the form was given out ({@link GuestForms#formTime}), and who sent it (the request's
 * address, only ever kept as a digest), in the page's language for the confirmation mail.
 */
public record GuestReplyInput(long topicId, String name, String email, String body, String honeypot, String formTime,
                              String address, String language) {
}
