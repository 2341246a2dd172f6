package org.linli.forum.problem;

import org.linli.forum.board.Board;
import org.linli.forum.topic.ProblemStatus;
import org.linli.forum.topic.Topic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What staff see at a glance: the problems still waiting (oldest first), how many problems each
 * board has in each status, and the median time from report to resolution. A class with getters,
 * so that pages read it.
 */
public final class Dashboard {

    private final List<Topic> waiting;
    private final List<Board> boards;
    private final Map<Long, Map<ProblemStatus, Long>> counts;
    private final Duration medianLast30Days;
    private final Duration medianLast365Days;
    private final int resolvedLast30Days;
    private final int resolvedLast365Days;

    Dashboard(List<Topic> waiting, List<Board> boards, Map<Long, Map<ProblemStatus, Long>> counts,
              Duration medianLast30Days, int resolvedLast30Days, Duration medianLast365Days, int resolvedLast365Days) {
        this.waiting = List.copyOf(waiting);
        this.boards = List.copyOf(boards);
        this.counts = Map.copyOf(counts);
        this.medianLast30Days = medianLast30Days;
        this.resolvedLast30Days = resolvedLast30Days;
        this.medianLast365Days = medianLast365Days;
        this.resolvedLast365Days = resolvedLast365Days;
    }

    /** Open and acknowledged problems, oldest first (at most {@link DashboardService#WAITING_MAX}). */
    public List<Topic> getWaiting() {
        return waiting;
    }

    /** The problem boards the counts are for, in display order. */
    public List<Board> getBoards() {
        return boards;
    }

    /** How many problems {@code board} has in {@code status}. */
    public long count(long board, ProblemStatus status) {
        return counts.getOrDefault(board, Map.of()).getOrDefault(status, 0L);
    }

    /** Null when nothing was resolved in the period. */
    public Duration getMedianLast30Days() {
        return medianLast30Days;
    }

    public Duration getMedianLast365Days() {
        return medianLast365Days;
    }

    public int getResolvedLast30Days() {
        return resolvedLast30Days;
    }

    public int getResolvedLast365Days() {
        return resolvedLast365Days;
    }

    /** The middle of the durations (the mean of the two middle ones for an even count); null for none. */
    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
