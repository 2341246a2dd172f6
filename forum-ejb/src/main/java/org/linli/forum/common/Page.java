package org.linli.forum.common;

import java.util.List;

/**
 * One page of a longer list. Pages are numbered from 1; {@code totalItems} comes from a
 * maintained counter, not from counting rows.
 */
public record Page<T>(List<T> items, int number, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return totalPages(totalItems, size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    /** How many pages {@code totalItems} fill; an empty list still has one (empty) page. */
    public static int totalPages(long totalItems, int size) {
        return (int) Math.max(1, (totalItems + size - 1) / size);
    }

    /** The index (from 0) of the first item on page {@code number}. */
    public static int firstIndex(int number, int size) {
        return (number - 1) * size;
    }
}
