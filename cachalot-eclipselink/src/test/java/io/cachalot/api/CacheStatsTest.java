package io.cachalot.api;

import static io.cachalot.api.Reads.cache;
import static io.cachalot.api.Reads.count;
import static io.cachalot.api.Reads.statements;
import static io.cachalot.api.Reads.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.CacheStats;
import io.cachalot.CacheStats.TableStats;
import io.cachalot.Cachalot;
import io.cachalot.model.Author;
import io.cachalot.model.Publisher;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Cachalot.stats()}: counters in total and per table, checked against the statements actually run. */
@ParameterizedClass
@EnumSource(Database.class)
class CacheStatsTest {

    private static final TableStats NONE = new TableStats(0, 0, 0, 0);

    @Parameter
    Database database;

    TestUnit unit;
    Cachalot cachalot;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        cachalot = unit.cachalot();
    }

    @Test
    void missStoreAndHitsAreCountedInTotalAndForTheTableRead() {
        Function<EntityManager, Long> authors = count("Author");
        CacheStats before = cachalot.stats();

        int statements = statements(unit, authors) + statements(unit, authors) + statements(unit, authors);

        CacheStats after = cachalot.stats();
        assertThat(statements).as("one miss, then two hits").isEqualTo(1);
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.stores() - before.stores()).isEqualTo(1);
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        TableStats authorBefore = of(before, "author");
        TableStats authorAfter = of(after, "author");
        assertThat(authorAfter.misses() - authorBefore.misses()).isEqualTo(1);
        assertThat(authorAfter.stores() - authorBefore.stores()).isEqualTo(1);
        assertThat(authorAfter.hits() - authorBefore.hits()).isEqualTo(2);
        assertThat(of(after, "publisher")).as("a table not read").isEqualTo(of(before, "publisher"));
    }

    @Test
    void aReadThatFailsInTheDatabaseIsNoMiss() {
        CacheStats before = cachalot.stats();

        assertThatThrownBy(() -> unit.read(em -> em.createNativeQuery("SELECT no_such_column FROM author")
                .getResultList())).isInstanceOf(jakarta.persistence.PersistenceException.class);

        CacheStats after = cachalot.stats();
        assertThat(after.misses()).isEqualTo(before.misses());
        assertThat(of(after, "author").misses()).isEqualTo(of(before, "author").misses());
    }

    @Test
    void readOfSeveralTablesCountsForEachOfThem() {
        Function<EntityManager, Long> booksWithCategory = em -> em
                .createQuery("SELECT COUNT(b) FROM Book b JOIN b.categories c WHERE c.name = 'fantasy'", Long.class)
                .getSingleResult();
        CacheStats before = cachalot.stats();

        assertThat(statements(unit, booksWithCategory) + statements(unit, booksWithCategory)).isEqualTo(1);

        CacheStats after = cachalot.stats();
        assertThat(after.hits() - before.hits()).as("one hit in total").isEqualTo(1);
        for (String table : new String[] {"book", "book_category", "category"}) {
            assertThat(of(after, table).hits() - of(before, table).hits()).as(table).isEqualTo(1);
            assertThat(of(after, table).misses() - of(before, table).misses()).as(table).isEqualTo(1);
        }
    }

    @Test
    void invalidationsAreCountedOncePerTablePerTransaction() {
        cache(unit, count("Author"));
        CacheStats before = cachalot.stats();

        unit.write(em -> {
            em.find(Author.class, 1L).setName("J. R. R. Tolkien");
            em.flush();
            em.find(Author.class, 2L).setName("Ursula K. Le Guin");
            em.find(Publisher.class, 1L).setName("Unwin");
        });
        cachalot.invalidate("category");

        CacheStats after = cachalot.stats();
        assertThat(statements(unit, count("Author"))).as("author was invalidated").isEqualTo(1);
        assertThat(after.invalidations() - before.invalidations()).isEqualTo(3);
        assertThat(of(after, "author").invalidations() - of(before, "author").invalidations()).isEqualTo(1);
        assertThat(of(after, "publisher").invalidations() - of(before, "publisher").invalidations()).isEqualTo(1);
        assertThat(of(after, "category").invalidations() - of(before, "category").invalidations()).isEqualTo(1);
        assertThat(of(after, "vehicle").invalidations()).isEqualTo(of(before, "vehicle").invalidations());
    }

    private TableStats of(CacheStats stats, String name) {
        return stats.perTable().getOrDefault(table(database, name), NONE);
    }
}
