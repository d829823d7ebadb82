package io.cachalot.templates.testing;

import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data provider templates call ({@code library.books()}): each call is a "load" that reads the database
 * through JPA, and is counted. A cached fragment does not call it; a rendered one does.
 */
public final class Library {

    public static final int PAGE_SIZE = 2;

    private final TemplatesUnit unit;
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean failing;

    public Library(TemplatesUnit unit) {
        this.unit = unit;
    }

    /** Every book with its author, by title. */
    public List<Book> books() {
        load();
        return unit.read(em -> em.createQuery("select b from Book b join fetch b.author order by b.title", Book.class)
                .getResultList());
    }

    /** Every author, by id. */
    public List<Author> authors() {
        load();
        return unit.read(em -> em.createQuery("select a from Author a order by a.id", Author.class).getResultList());
    }

    /** The titles of one author's books, by title. */
    public List<String> titlesBy(long authorId) {
        load();
        return unit.read(em -> em.createQuery(
                        "select b.title from Book b where b.author.id = :author order by b.title", String.class)
                .setParameter("author", authorId)
                .getResultList());
    }

    /** One page of books by title, numbered from 1. */
    public List<Book> page(int number) {
        load();
        return unit.read(em -> em.createQuery("select b from Book b join fetch b.author order by b.title", Book.class)
                .setFirstResult((number - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultList());
    }

    public long reviewCount() {
        load();
        return unit.read(em -> em.createQuery("select count(r) from Review r", Long.class).getSingleResult());
    }

    /** How many loads ran since the last call, and starts counting again. */
    public int takeLoads() {
        return loads.getAndSet(0);
    }

    public int loads() {
        return loads.get();
    }

    /** While failing, every load throws (the template's rendering fails). */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    private void load() {
        loads.incrementAndGet();
        if (failing) {
            throw new IllegalStateException("the library is closed");
        }
    }
}
