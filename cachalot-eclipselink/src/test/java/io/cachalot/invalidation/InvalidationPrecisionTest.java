package io.cachalot.invalidation;

import static io.cachalot.invalidation.Observed.cached;
import static io.cachalot.invalidation.Observed.jpql;
import static io.cachalot.invalidation.Observed.nativeRows;
import static io.cachalot.invalidation.Observed.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Only what a committed write changed is invalidated: not other tables, not reads, not rolled-back writes. */
@ParameterizedClass
@EnumSource(Database.class)
class InvalidationPrecisionTest {

    private static final Function<EntityManager, List<Object>> AUTHOR_NAMES =
            jpql("SELECT a.name FROM Author a ORDER BY a.id");
    private static final Map<String, Function<EntityManager, List<Object>>> OTHER_TABLES = Map.of(
            "author", AUTHOR_NAMES,
            "category", jpql("SELECT c.name FROM Category c ORDER BY c.id"),
            "book", jpql("SELECT b.title FROM Book b ORDER BY b.id"),
            "review", jpql("SELECT COUNT(r) FROM Review r"),
            "vehicle", jpql("SELECT COUNT(v) FROM Vehicle v"),
            "payment", jpql("SELECT COUNT(p) FROM Payment p"));
    private static final Function<EntityManager, List<Object>> PUBLISHER_NAMES =
            jpql("SELECT p.name FROM Publisher p ORDER BY p.id");

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void writeToOneTableLeavesCachedReadsOfOtherTablesServed() {
        OTHER_TABLES.values().forEach(read -> cached(unit, read));
        cached(unit, PUBLISHER_NAMES);

        unit.write(em -> em.find(Publisher.class, 2L).setName("Gollancz SF"));

        assertThat(read(unit, PUBLISHER_NAMES).value()).containsExactly("Allen & Unwin", "Gollancz SF");
        OTHER_TABLES.forEach((table, read) ->
                assertThat(read(unit, read).statements()).as("a read of " + table).isZero());
    }

    @Test
    void selectWhoseTextLooksLikeAWriteInvalidatesNothing() {
        cached(unit, AUTHOR_NAMES);
        Function<EntityManager, List<Object>> reviewNotes =
                jpql("SELECT r.created_at_note FROM Review r ORDER BY r.id");
        cached(unit, reviewNotes);

        unit.read(nativeRows("SELECT created_at_note AS updated_by, 'insert into author' AS deleted_at FROM review"
                + " WHERE created_at_note IS NULL OR created_at_note <> 'update author set name = 1'"));
        unit.read(em -> em.createQuery("SELECT r.id FROM Review r WHERE r.created_at_note IS NULL").getResultList());

        assertThat(read(unit, AUTHOR_NAMES).statements()).isZero();
        assertThat(read(unit, reviewNotes).statements()).isZero();
    }

    @Test
    void rolledBackWriteLeavesCachedReadsServed() {
        cached(unit, AUTHOR_NAMES);

        EntityManager em = unit.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new Author(4, "Herbert", LocalDate.of(1920, 10, 8)));
            em.find(Author.class, 1L).setName("Nobody");
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        Observed<List<Object>> after = read(unit, AUTHOR_NAMES);
        assertThat(after.statements()).isZero();
        assertThat(after.value()).containsExactly("Tolkien", "Le Guin", "Pratchett");
    }
}
