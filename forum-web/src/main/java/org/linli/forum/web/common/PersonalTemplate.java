package org.linli.forum.web.common;

import org.linli.forum.reading.TopicProgress;
import org.linli.forum.web.common.PersonalParts.Kind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * A members' reading page as rendered once for every member with the same permissions: its text
 * cut at the holes {@link PersonalParts} left, with what filling them needs. Immutable; shared by
 * concurrent requests.
 */
final class PersonalTemplate implements PageCache.Entry {

    /** A personal part to fill: its kind and, for some, a post number or topic id. */
    record Hole(Kind kind, long argument) {
    }

    /** byte[] (text as sent) or {@link Hole}, in page order. */
    private final List<Object> parts;
    private final long size;
    private final String contentType;
    private final Set<Long> authors;
    private final List<TopicProgress> topics;
    private final long readTopic;
    private final int readUpTo;
    private final long generation;
    private final Instant storedAt;

    private PersonalTemplate(List<Object> parts, long size, String contentType, PersonalParts gathered, long generation,
                             Instant storedAt) {
        this.parts = List.copyOf(parts);
        this.size = size;
        this.contentType = contentType;
        this.authors = Set.copyOf(gathered.authors());
        this.topics = List.copyOf(gathered.topics());
        this.readTopic = gathered.readTopic();
        this.readUpTo = gathered.readUpTo();
        this.generation = generation;
        this.storedAt = storedAt;
    }

    /** Cuts a rendered page (UTF-8, as every page is sent) at its holes. */
    static PersonalTemplate of(byte[] page, String contentType, PersonalParts gathered, long generation, Instant storedAt) {
        String text = new String(page, StandardCharsets.UTF_8);
        List<Object> parts = new ArrayList<>();
        Matcher hole = PersonalParts.HOLE.matcher(text);
        int from = 0;
        while (hole.find()) {
            parts.add(text.substring(from, hole.start()).getBytes(StandardCharsets.UTF_8));
            parts.add(new Hole(Kind.valueOf(hole.group(1)), hole.group(2) == null ? 0 : Long.parseLong(hole.group(2))));
            from = hole.end();
        }
        parts.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return new PersonalTemplate(parts, page.length, contentType, gathered, generation, storedAt);
    }

    /** Writes the page with every hole filled. */
    void write(OutputStream out, Function<Hole, String> filling) throws IOException {
        for (Object part : parts) {
            out.write(part instanceof byte[] text ? text : filling.apply((Hole) part).getBytes(StandardCharsets.UTF_8));
        }
    }

    String contentType() {
        return contentType;
    }

    /** Members who would see this page with controls of their own (their posts): they get a page of their own. */
    Set<Long> authors() {
        return authors;
    }

    /** Topics whose unread marks (or new posts) the page shows. */
    List<TopicProgress> topics() {
        return topics;
    }

    /** The topic reading this page advances the member's mark in, or 0. */
    long readTopic() {
        return readTopic;
    }

    int readUpTo() {
        return readUpTo;
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public Instant storedAt() {
        return storedAt;
    }

    @Override
    public long size() {
        return size;
    }
}
