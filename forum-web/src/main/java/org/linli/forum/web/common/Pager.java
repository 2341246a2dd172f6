package org.linli.forum.web.common;

import org.linli.forum.common.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * The page links under a list: the first and last page, and a window around the current one.
 * A 0 in {@link #getLinks()} stands for a gap ("…").
 */
public class Pager {

    private static final int WINDOW = 2;

    /** No pages to link to. */
    public static final Pager NONE = new Pager(1, 1);

    private final int current;
    private final int total;

    public Pager(Page<?> page) {
        this(page.getNumber(), page.getTotalPages());
    }

    public Pager(int current, int total) {
        this.current = current;
        this.total = total;
    }

    public List<Integer> getLinks() {
        List<Integer> links = new ArrayList<>();
        int from = Math.max(1, current - WINDOW);
        int to = Math.min(total, current + WINDOW);
        if (from > 1) {
            links.add(1);
            if (from > 2) {
                links.add(0);
            }
        }
        for (int page = from; page <= to; page++) {
            links.add(page);
        }
        if (to < total) {
            if (to < total - 1) {
                links.add(0);
            }
            links.add(total);
        }
        return links;
    }

    public int getCurrent() {
        return current;
    }

    public int getTotal() {
        return total;
    }

    public boolean isNeeded() {
        return total > 1;
    }
}
