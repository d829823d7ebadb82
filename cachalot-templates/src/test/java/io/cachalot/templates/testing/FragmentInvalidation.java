package io.cachalot.templates.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invalidation behaviour every template engine's cached fragment must have, run by one subclass per
 * engine: a fragment is rendered again exactly once after a write to one of its tables, and never after a
 * write elsewhere. Renders are counted twice: the data provider's loads, and the statements reaching H2.
 */
public abstract class FragmentInvalidation {

    /** Renders, with one engine, a fragment cached on tables book and author: each title as {@code <p>title</p>}. */
    protected interface Shelf {
        String render(Library library) throws Exception;
    }

    private TemplatesUnit unit;
    private Library library;
    private Shelf shelf;

    /** The engine's shelf, rendered through {@code cachalot}. */
    protected abstract Shelf shelf(Cachalot cachalot);

    @BeforeEach
    void renderOnce() {
        unit = TemplatesUnit.withLibrary();
        library = new Library(unit);
        shelf = shelf(unit.cachalot());
        render();
        assertThat(library.takeLoads()).as("the first render loads").isEqualTo(1);
    }

    @Test
    void writeToAListedTableRendersTheFragmentExactlyOnceMore() {
        Writes.apply("addBook", unit);

        long firstStatements = unit.sql().during(this::render);
        String output = render();
        long laterStatements = unit.sql().during(this::renderFiveTimes);

        assertThat(library.takeLoads()).isEqualTo(1);
        assertThat(firstStatements).as("the new rendering reads the database").isPositive();
        assertThat(laterStatements).isZero();
        assertThat(output).contains("<p>The Caves of Steel</p>");
    }

    @Test
    void writeToEachListedTableRendersAgain() {
        Writes.apply("renameAuthor", unit);
        renderFiveTimes();
        assertThat(library.takeLoads()).isEqualTo(1);

        Writes.apply("addBook", unit);
        renderFiveTimes();
        assertThat(library.takeLoads()).isEqualTo(1);
    }

    @Test
    void writeToAnotherTableRendersNothing() {
        Writes.apply("addReview", unit);

        long statements = unit.sql().during(this::renderFiveTimes);

        assertThat(library.takeLoads()).isZero();
        assertThat(statements).isZero();
    }

    @Test
    void rolledBackWriteRendersNothing() {
        EntityManager em = unit.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new Book(900, "Never Published", 2000, em.find(Author.class, 1L)));
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        String output = render();

        assertThat(library.takeLoads()).isZero();
        assertThat(output).doesNotContain("Never Published");
    }

    @Test
    void invalidatingATableThroughTheApiRendersAgain() {
        unit.cachalot().invalidate("book");

        renderFiveTimes();

        assertThat(library.takeLoads()).isEqualTo(1);
    }

    @Test
    void invalidatingAnEntityThroughTheApiRendersAgain() {
        unit.cachalot().invalidate(Author.class);

        renderFiveTimes();

        assertThat(library.takeLoads()).isEqualTo(1);
    }

    private String render() {
        try {
            return shelf.render(library);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void renderFiveTimes() {
        for (int i = 0; i < 5; i++) {
            render();
        }
    }
}
