package io.cachalot.sample.service;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the rows of this page
 * @param number this page's number, from 1
 * @param size rows per page
 * @param total rows in all pages
 */
public record Page<T>(List<T> items, int number, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** How many pages there are (at least 1). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }
}
