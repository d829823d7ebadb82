package io.cachalot.uncachable;

import static io.cachalot.CachalotProperties.ADDITIONAL_TABLES;
import static io.cachalot.CachalotProperties.ONLY_CACHABLE_TABLES;
import static io.cachalot.CachalotProperties.UNCACHABLE_TABLES;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables unknown to the unit are never cached unless named in {@code cachalot.additional-tables};
 * {@code cachalot.uncachable-tables} and {@code cachalot.only-cachable-tables} restrict caching further.
 */
@ParameterizedClass
@EnumSource(Database.class)
class TableRulesTest {

    private static final String LABELS = "SELECT label FROM scratch_tx ORDER BY id";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
        unit.outside("CREATE TABLE IF NOT EXISTS scratch_tx (id INT PRIMARY KEY, label VARCHAR(40))");
        unit.outside("DELETE FROM scratch_tx");
        unit.outside("INSERT INTO scratch_tx (id, label) VALUES (1, 'one'), (2, 'two')");
        unit.sql().reset();
    }

    @Test
    void readOfATableUnknownToTheUnitIsNeverCached() {
        assertThat(runs(unit, LABELS)).containsExactly(1, 1);

        unit.outside("UPDATE scratch_tx SET label = 'uno' WHERE id = 1");

        assertThat(labels(unit)).containsExactly("uno", "two");
    }

    @Test
    void joinOfAKnownAndAnUnknownTableIsNeverCached() {
        String sql = "SELECT a.name, s.label FROM author a JOIN scratch_tx s ON s.id = a.id ORDER BY a.id";

        assertThat(runs(unit, sql)).containsExactly(1, 1);
    }

    @Test
    void additionalTableIsCachedAndInvalidatedByNativeWrites() {
        try (TestUnit legacy = unitWith(Map.of(ADDITIONAL_TABLES, "scratch_tx"))) {
            assertThat(runs(legacy, LABELS)).containsExactly(1, 0);

            legacy.write(em -> em.createNativeQuery("UPDATE scratch_tx SET label = 'uno' WHERE id = 1").executeUpdate());
            legacy.sql().reset();

            assertThat(labels(legacy)).containsExactly("uno", "two");
            assertThat(legacy.sql().count()).isEqualTo(1);
        }
    }

    @Test
    void additionalTableNamedInAnotherCaseOrWithASchemaIsTheSameTable() {
        String name = switch (database) {
            case H2 -> "PUBLIC.scratch_tx";
            case POSTGRESQL -> "public.SCRATCH_TX";
            case MARIADB -> Database.TEST_DATABASE + ".scratch_tx";
        };
        try (TestUnit legacy = unitWith(Map.of(ADDITIONAL_TABLES, "author, " + name))) {
            assertThat(runs(legacy, LABELS)).containsExactly(1, 0);
        }
    }

    @Test
    void nativeWriteThroughAnotherUnitInvalidatesAnAdditionalTable() {
        try (TestUnit legacy = unitWith(Map.of(ADDITIONAL_TABLES, "scratch_tx"))) {
            labels(legacy);

            unit.write(em -> em.createNativeQuery("DELETE FROM scratch_tx WHERE id = 2").executeUpdate());
            legacy.sql().reset();

            assertThat(labels(legacy)).containsExactly("one");
            assertThat(legacy.sql().count()).isEqualTo(1);
        }
    }

    @Test
    void joinOfAnAdditionalTableIsInvalidatedByWritesToEitherTable() {
        String sql = "SELECT a.name, s.label FROM author a JOIN scratch_tx s ON s.id = a.id ORDER BY a.id";
        try (TestUnit legacy = unitWith(Map.of(ADDITIONAL_TABLES, "scratch_tx"))) {
            assertThat(runs(legacy, sql)).containsExactly(1, 0);

            legacy.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));
            int afterAuthorWrite = legacy.countStatements(() -> legacy.read(em -> em.createNativeQuery(sql).getResultList()));
            legacy.write(em -> em.createNativeQuery("UPDATE scratch_tx SET label = 'deux' WHERE id = 2").executeUpdate());
            List<Object[]> rows = new ArrayList<>();
            int afterScratchWrite = legacy.countStatements(() -> rows.addAll(legacy.read(em -> em.createNativeQuery(sql).getResultList())));

            assertThat(afterAuthorWrite).isEqualTo(1);
            assertThat(afterScratchWrite).isEqualTo(1);
            assertThat(rows).extracting(row -> row[0] + "/" + row[1]).containsExactly("J.R.R. Tolkien/one", "Le Guin/deux");
        }
    }

    @Test
    void uncachableTableIsNeverCachedWhileOthersAre() {
        try (TestUnit rules = unitWith(Map.of(UNCACHABLE_TABLES, "author"))) {
            assertThat(runs(rules, "SELECT name FROM author ORDER BY id")).containsExactly(1, 1);
            assertThat(runs(rules, "SELECT b.title, a.name FROM book b JOIN author a ON a.id = b.author_id")).containsExactly(1, 1);
            assertThat(runs(rules, "SELECT name FROM publisher ORDER BY id")).containsExactly(1, 0);
        }
    }

    @Test
    void jpqlReadingAnUncachableTableThroughARelationIsNeverCached() {
        String jpql = "SELECT b.title FROM Book b WHERE b.author.name = 'Tolkien' ORDER BY b.id";
        try (TestUnit rules = unitWith(Map.of(UNCACHABLE_TABLES, "author"))) {
            for (int run = 1; run <= 2; run++) {
                List<String> titles = new ArrayList<>();
                int statements = rules.countStatements(() -> titles.addAll(
                        rules.read(em -> em.createQuery(jpql, String.class).getResultList())));

                assertThat(statements).as("run " + run).isEqualTo(1);
                assertThat(titles).containsExactly("The Hobbit", "The Lord of the Rings");
            }
        }
    }

    @Test
    void writeToAnUncachableTableStillInvalidatesOtherUnits() {
        unit.read(em -> em.createNativeQuery("SELECT name FROM author ORDER BY id").getResultList());
        try (TestUnit rules = unitWith(Map.of(UNCACHABLE_TABLES, "author"))) {
            rules.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));
        }

        List<Object> names = new ArrayList<>();
        int statements = unit.countStatements(() -> names.addAll(
                unit.read(em -> em.createNativeQuery("SELECT name FROM author ORDER BY id").getResultList())));

        assertThat(statements).isEqualTo(1);
        assertThat(names).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void onlyCachableTablesAreTheOnlyOnesCached() {
        try (TestUnit rules = unitWith(Map.of(ONLY_CACHABLE_TABLES, "author, publisher"))) {
            assertThat(runs(rules, "SELECT name FROM author ORDER BY id")).containsExactly(1, 0);
            assertThat(runs(rules, "SELECT a.name, p.name FROM author a, publisher p ORDER BY a.id, p.id")).containsExactly(1, 0);
            assertThat(runs(rules, "SELECT name FROM category ORDER BY id")).containsExactly(1, 1);
            assertThat(runs(rules, "SELECT b.title, a.name FROM book b JOIN author a ON a.id = b.author_id")).containsExactly(1, 1);
        }
    }

    @Test
    void uncachableWinsOverOnlyCachable() {
        try (TestUnit rules = TestUnit.withProperties(database,
                Map.of(ONLY_CACHABLE_TABLES, "author,publisher", UNCACHABLE_TABLES, "author"))) {
            assertThat(runs(rules, "SELECT name FROM author ORDER BY id")).containsExactly(1, 1);
            assertThat(runs(rules, "SELECT name FROM publisher ORDER BY id")).containsExactly(1, 0);
        }
    }

    /** Opens a unit with extra properties; opening one empties the tables, so the library is loaded again. */
    private TestUnit unitWith(Map<String, Object> properties) {
        TestUnit extra = TestUnit.withProperties(database, properties);
        Fixtures.library(unit);
        return extra;
    }

    /** Statements reaching the database on each of two runs of a native query. */
    private static List<Integer> runs(TestUnit unit, String sql) {
        List<Integer> statements = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            statements.add(unit.countStatements(() -> unit.read(em -> em.createNativeQuery(sql).getResultList())));
        }
        return statements;
    }

    private static List<Object> labels(TestUnit unit) {
        return unit.read(em -> em.createNativeQuery(LABELS).getResultList());
    }
}
