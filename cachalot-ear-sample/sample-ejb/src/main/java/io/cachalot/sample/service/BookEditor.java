package io.cachalot.sample.service;

import io.cachalot.sample.model.Book;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;

/**
 * Edits books: a stateless session bean with container-managed transactions (each call runs in a JTA
 * transaction; a system exception rolls it back). The commit invalidates {@code BOOK} in cachalot.
 */
@Stateless
public class BookEditor {

    @PersistenceContext(unitName = "sample")
    private EntityManager em;

    @Inject
    private Catalog catalog;

    /**
     * Changes a book. The new title is written first, then checked: a publisher may not have two books of
     * one title. That check is a query inside the transaction, so it must see the transaction's own write.
     *
     * @param version the version the user edited; a newer one means someone else changed the book meanwhile
     * @throws DuplicateTitleException (rolling the transaction back) if the publisher has another book of that title
     */
    public Book update(int id, int version, String title, int published, BigDecimal price) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A book needs a title");
        }
        if (price == null || price.signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative: " + price);
        }
        Book book = em.find(Book.class, id);
        if (book == null) {
            throw new IllegalArgumentException("No book " + id);
        }
        if (book.getVersion() != version) {
            throw new OptimisticLockException("Book " + id + " was changed by someone else meanwhile");
        }
        book.setTitle(title.strip());
        book.setPublished(published);
        book.setPrice(price);
        em.flush();
        if (catalog.titleCount(book.getPublisher().getId(), book.getTitle()) > 1) {
            throw new DuplicateTitleException(book.getPublisher().getName(), book.getTitle());
        }
        return book;
    }
}
