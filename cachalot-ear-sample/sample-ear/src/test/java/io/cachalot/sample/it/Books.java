package io.cachalot.sample.it;

import io.cachalot.sample.model.Book;
import io.cachalot.sample.service.Catalog;
import java.util.HashMap;
import java.util.Map;

/** Picking books of the sample's data for a test. Runs in the server: part of the test deployment. */
final class Books {

    private Books() {
    }

    /** Two books of the same publisher, found on the ten catalogue pages from {@code fromPage} on. */
    static Book[] twoOfOnePublisher(Catalog catalog, int fromPage) {
        Map<Integer, Book> byPublisher = new HashMap<>();
        for (int page = fromPage; page < fromPage + 10; page++) {
            for (Book book : catalog.books(page).items()) {
                Book other = byPublisher.putIfAbsent(book.getPublisher().getId(), book);
                if (other != null) {
                    return new Book[] {other, book};
                }
            }
        }
        throw new IllegalStateException("No two books of one publisher from page " + fromPage);
    }
}
