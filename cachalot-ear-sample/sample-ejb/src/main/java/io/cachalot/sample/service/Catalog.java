package io.cachalot.sample.service;

import io.cachalot.sample.model.Book;
import io.cachalot.sample.model.Publisher;
import io.cachalot.sample.model.Review;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Every read of the sample, as plain JPQL: nothing here knows about cachalot. Each query runs as SQL the
 * first time and is served from cachalot's cache afterwards, until a commit writes one of its tables.
 * Joins the caller's transaction if there is one, so reads inside a transaction see its own writes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Catalog {

    public static final int PAGE_SIZE = 25;

    @PersistenceContext(unitName = "sample")
    private EntityManager em;

    public List<Publisher> publishers() {
        return em.createQuery("SELECT p FROM Publisher p ORDER BY p.name", Publisher.class).getResultList();
    }

    /** The best rated books with at least three reviews. */
    public List<RatedBook> topRated(int count) {
        return em.createQuery("SELECT NEW io.cachalot.sample.service.RatedBook(b.id, b.title, AVG(r.rating), COUNT(r))"
                        + " FROM Review r JOIN r.book b GROUP BY b.id, b.title HAVING COUNT(r) >= 3"
                        + " ORDER BY AVG(r.rating) DESC, b.title", RatedBook.class)
                .setMaxResults(count)
                .getResultList();
    }

    /** The most recent reviews, readers' and critics', with their books. */
    public List<Review> latestReviews(int count) {
        return em.createQuery("SELECT r FROM Review r JOIN FETCH r.book ORDER BY r.written DESC, r.id DESC", Review.class)
                .setMaxResults(count)
                .getResultList();
    }

    /** Books by title, with their publisher and authors. */
    public Page<Book> books(int page) {
        long total = em.createQuery("SELECT COUNT(b) FROM Book b", Long.class).getSingleResult();
        int number = clamp(page, total);
        List<Book> books = em.createQuery("SELECT b FROM Book b JOIN FETCH b.publisher ORDER BY b.title, b.id", Book.class)
                .setFirstResult((number - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        books.forEach(book -> book.getAuthors().size()); // one batch read (IN) of the page's authors
        return new Page<>(books, number, PAGE_SIZE, total);
    }

    public Optional<Book> book(int id) {
        List<Book> found = em.createQuery("SELECT b FROM Book b JOIN FETCH b.publisher WHERE b.id = :id", Book.class)
                .setParameter("id", id)
                .getResultList();
        found.forEach(book -> book.getAuthors().size());
        return found.stream().findFirst();
    }

    public List<Review> reviewsOf(int bookId) {
        return em.createQuery("SELECT r FROM Review r WHERE r.book.id = :book ORDER BY r.written DESC, r.id DESC",
                        Review.class)
                .setParameter("book", bookId)
                .getResultList();
    }

    /** Authors by name, with the number of their books (read from {@code BOOK_AUTHOR} only). */
    public Page<AuthorRow> authors(int page) {
        long total = em.createQuery("SELECT COUNT(a) FROM Author a", Long.class).getSingleResult();
        int number = clamp(page, total);
        List<AuthorRow> rows = em.createQuery("SELECT NEW io.cachalot.sample.service.AuthorRow(a.id, a.name, a.born,"
                        + " SIZE(a.books)) FROM Author a ORDER BY a.name, a.id", AuthorRow.class)
                .setFirstResult((number - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList();
        return new Page<>(rows, number, PAGE_SIZE, total);
    }

    public Optional<String> titleOf(int bookId) {
        return em.createQuery("SELECT b.title FROM Book b WHERE b.id = :id", String.class)
                .setParameter("id", bookId)
                .getResultList().stream().findFirst();
    }

    /** Books of this publisher with this title, ignoring case. */
    public long titleCount(int publisherId, String title) {
        return em.createQuery("SELECT COUNT(b) FROM Book b WHERE b.publisher.id = :publisher"
                        + " AND LOWER(b.title) = LOWER(:title)", Long.class)
                .setParameter("publisher", publisherId)
                .setParameter("title", title)
                .getSingleResult();
    }

    public long reviewCount(int bookId) {
        return em.createQuery("SELECT COUNT(r) FROM Review r WHERE r.book.id = :book", Long.class)
                .setParameter("book", bookId)
                .getSingleResult();
    }

    /** Reviews of this book by this reader. */
    public long readerReviewCount(int bookId, String reader) {
        return em.createQuery("SELECT COUNT(r) FROM ReaderReview r WHERE r.book.id = :book AND r.reader = :reader",
                        Long.class)
                .setParameter("book", bookId)
                .setParameter("reader", reader)
                .getSingleResult();
    }

    private static int clamp(int page, long total) {
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return Math.min(Math.max(page, 1), pages);
    }
}
