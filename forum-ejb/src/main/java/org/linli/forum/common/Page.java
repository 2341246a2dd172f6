package org.linli.forum.common;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a longer list. Pages are numbered from 1; the total comes from a maintained
 * counter, not from counting rows. (A class rather than a record: Faces 4's EL reads only
 * getters.)
 */
public final class Page<T> implements Serializable {

    private static final long serialVersionUID = 1L;


    private final List<T> items;
    private final int number;
    private final int size;
    private final long totalItems;

    public Page(List<T> items, int number, int size, long totalItems) {
        this.items = List.copyOf(items);
        this.number = number;
        this.size = size;
        this.totalItems = totalItems;
    }

    public List<T> getItems() {
        return items;
    }

    public int getNumber() {
        return number;
    }

    public int getSize() {
        return size;
    }

    public long getTotalItems() {
        return totalItems;
    }

    public int getTotalPages() {
        return totalPages(totalItems, size);
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
