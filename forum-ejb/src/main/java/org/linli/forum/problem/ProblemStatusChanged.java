package org.linli.forum.problem;

/** A problem moved to a new status; the event line that records it. */
public record ProblemStatusChanged(TopicEvent event) {
}
