package org.linli.forum.board;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.NamedSubgraph;
import jakarta.persistence.SequenceGenerator;
import org.linli.forum.topic.Topic;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A board of the forum. Its counters and last activity are maintained by {@link BoardActivity}.
 * Boards are read on every page and change rarely: they are in the second-level cache (the JPQL
 * bulk update that counts a new post evicts them).
 */
@Entity
@Cacheable
@NamedEntityGraph(name = Board.WITH_LAST_ACTIVITY,
        attributeNodes = @NamedAttributeNode(value = "lastTopic", subgraph = "topic"),
        subgraphs = @NamedSubgraph(name = "topic", attributeNodes = @NamedAttributeNode("lastPoster")))
public class Board implements Serializable {

    private static final long serialVersionUID = 1L;


    /** The board with its last topic and that topic's last poster, as the board index shows it. */
    public static final String WITH_LAST_ACTIVITY = "Board.withLastActivity";

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "board_seq")
    @SequenceGenerator(name = "board_seq", sequenceName = "board_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false, length = DESCRIPTION_MAX)
    private String description;

    /** The English name; empty when the board has only its Chinese one. */
    @Column(name = "name_en", length = NAME_MAX)
    private String nameEn;

    @Column(name = "description_en", length = DESCRIPTION_MAX)
    private String descriptionEn;

    @Column(name = "sort_position", nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BoardKind kind = BoardKind.DISCUSSION;

    /** Visitors without an account may reply here, held for a moderator's approval. */
    @Column(name = "guest_replies", nullable = false)
    private boolean guestReplies;

    @Column(name = "topic_count", nullable = false)
    private int topicCount;

    @Column(name = "hidden_topic_count", nullable = false)
    private int hiddenTopicCount;

    @Column(name = "post_count", nullable = false)
    private long postCount;

    @Column(name = "last_post_at")
    private Instant lastPostAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "last_topic_id")
    private Topic lastTopic;

    protected Board() {
    }

    public Board(String name, String description, int position) {
        this(name, description, position, BoardKind.DISCUSSION);
    }

    public Board(String name, String description, int position, BoardKind kind) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.position = position;
        this.kind = Objects.requireNonNull(kind);
    }

    /** Gives the board its names and descriptions, already checked by {@link BoardText#of}. */
    void describe(BoardText text) {
        this.name = text.name();
        this.description = text.description();
        this.nameEn = text.nameEn();
        this.descriptionEn = text.descriptionEn();
    }

    public BoardText getText() {
        return new BoardText(name, description, nameEn == null ? "" : nameEn, descriptionEn == null ? "" : descriptionEn);
    }

    /** The name in English when {@code english} and it has one, else in Chinese. */
    public String nameIn(boolean english) {
        return getText().nameIn(english);
    }

    /** The description in the language asked for, else in the other; empty when it has none. */
    public String descriptionIn(boolean english) {
        return getText().descriptionIn(english);
    }

    /** New counts and latest visible topic, from {@link BoardCounters#recount}. */
    void recounted(int visibleTopics, int hiddenTopics, long posts, Topic latest) {
        this.topicCount = visibleTopics;
        this.hiddenTopicCount = hiddenTopics;
        this.postCount = posts;
        this.lastTopic = latest;
        this.lastPostAt = latest == null ? null : latest.getLastPostAt();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isGuestReplies() {
        return guestReplies;
    }

    public void allowGuestReplies(boolean allowed) {
        this.guestReplies = allowed;
    }

    public BoardKind getKind() {
        return kind;
    }

    public boolean isProblemBoard() {
        return kind == BoardKind.PROBLEMS;
    }

    public boolean isAnnouncementBoard() {
        return kind == BoardKind.ANNOUNCEMENTS;
    }

    public int getPosition() {
        return position;
    }

    public int getTopicCount() {
        return topicCount;
    }

    /** Topics hidden by moderators; not in {@link #getTopicCount()}. */
    public int getHiddenTopicCount() {
        return hiddenTopicCount;
    }

    public long getPostCount() {
        return postCount;
    }

    public Instant getLastPostAt() {
        return lastPostAt;
    }

    public Topic getLastTopic() {
        return lastTopic;
    }
}
