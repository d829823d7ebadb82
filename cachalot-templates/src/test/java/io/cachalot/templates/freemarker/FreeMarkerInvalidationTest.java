package io.cachalot.templates.freemarker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.templates.model.Author;
import io.cachalot.templates.model.Book;
import io.cachalot.templates.testing.Library;
import io.cachalot.templates.testing.TemplatesUnit;
import io.cachalot.templates.testing.Writes;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cached block is rendered again exactly once after a write to one of its tables, and never after a write
 * elsewhere. Renders are counted twice: the data provider's loads, and the statements reaching H2.
 */
class FreeMarkerInvalidationTest {

    private static final String SHELF = """
            <@cachalot.cache tables=["book", "author"]><#list library.books() as book><p>${book.title}</p></#list></@cachalot.cache>""";

    private TemplatesUnit unit;
    private Library library;
    private Pages pages;

    @BeforeEach
    void renderOnce() throws Exception {
        unit = TemplatesUnit.withLibrary();
        library = new Library(unit);
        pages = new Pages(unit.cachalot(), "golden/freemarker");
        render();
        assertThat(library.takeLoads()).as("the first render loads").isEqualTo(1);
    }

    @Test
    void writeToAListedTableRendersTheBlockExactlyOnceMore() throws Exception {
        Writes.apply("addBook", unit);

        long firstStatements = unit.sql().during(this::renderQuietly);
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
    void rolledBackWriteRendersNothing() throws Exception {
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
    void invalidationThroughTheApiRendersAgain() {
        unit.cachalot().invalidate("book");

        renderFiveTimes();

        assertThat(library.takeLoads()).isEqualTo(1);
    }

    private String render() throws Exception {
        return pages.renderText(SHELF, Map.of("library", library));
    }

    private void renderQuietly() {
        try {
            render();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void renderFiveTimes() {
        for (int i = 0; i < 5; i++) {
            renderQuietly();
        }
    }
}
