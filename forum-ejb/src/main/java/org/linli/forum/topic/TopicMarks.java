package org.linli.forum.topic;

/**
 * What a listing shows of a topic beside its title: where its problem stands (null off a problem
 * board) and whether it has an official answer.
 */
public record TopicMarks(ProblemStatus status, boolean answered) {

    public static TopicMarks of(Topic topic) {
        return new TopicMarks(topic.getProblemStatus(), topic.getOfficialAnswerId() != null);
    }
}
