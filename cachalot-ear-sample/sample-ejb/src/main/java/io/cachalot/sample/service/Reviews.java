package io.cachalot.sample.service;

import io.cachalot.sample.model.Book;
import io.cachalot.sample.model.ReaderReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * Adds readers' reviews: a CDI bean whose methods are {@code @Transactional} (a JTA transaction per call,
 * rolled back by a runtime exception). The commit invalidates {@code REVIEW} and {@code READER_REVIEW}.
 */
@ApplicationScoped
@Transactional
public class Reviews {

    @PersistenceContext(unitName = "sample")
    private EntityManager em;

    @Inject
    private Catalog catalog;

    /**
     * Adds a review. It is written first, then checked: a reader reviews a book once. The check is a query
     * inside the transaction, so it must see the transaction's own write.
     *
     * @throws DuplicateReviewException (rolling the transaction back) if the reader already reviewed the book
     */
    public ReaderReview add(int bookId, String reader, int rating, String text) {
        if (reader == null || reader.isBlank()) {
            throw new IllegalArgumentException("A review needs the reader's name");
        }
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("A rating is from 1 to 5, not " + rating);
        }
        Book book = em.find(Book.class, bookId);
        if (book == null) {
            throw new IllegalArgumentException("No book " + bookId);
        }
        ReaderReview review = new ReaderReview(book, reader.strip(), rating, text == null ? "" : text.strip(),
                LocalDate.now());
        em.persist(review);
        em.flush();
        if (catalog.readerReviewCount(bookId, review.getReader()) > 1) {
            throw new DuplicateReviewException(review.getReader(), book.getTitle());
        }
        return review;
    }
}
