package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.model.Book;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQL that the parser cannot read, several statements in one string, comments that hide keywords or tables,
 * identifiers that differ only by case and quotes, a 2,000-value IN list: each is either cached and invalidated
 * exactly, or left uncached (invalidating everything when it may have written). Proven by reading the data back.
 */
@ParameterizedClass
@EnumSource(value = Database.class, names = {"POSTGRESQL", "MARIADB"})
class HostileSqlTest {

    private static final List<String> AUTHORS = List.of("Tolkien", "Le Guin", "Pratchett");

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    private boolean postgres() {
        return database == Database.POSTGRESQL;
    }

    @Test
    void unparsableReadIsAnsweredCorrectlyAndNeverCached() {
        String sql = postgres() ? "SELECT name FROM author ORDER BY id USING <"
                : "SELECT name FROM author ORDER BY id LIMIT 10 ROWS EXAMINED 1000";
        for (int run = 1; run <= 2; run++) {
            List<String> names = new ArrayList<>();
            int statements = unit.countStatements(() -> names.addAll(strings(unit, sql)));
            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(names).isEqualTo(AUTHORS);
        }
        unit.write(em -> em.find(Author.class, 1L).setName("J.R.R. Tolkien"));

        assertThat(strings(unit, sql)).containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett");
    }

    @Test
    void writeTheParserCannotReadInvalidatesEveryTable() {
        String sql = postgres() ? "UPDATE ONLY author SET name = 'J.R.R. Tolkien' WHERE id = 1"
                : "UPDATE author SET name = 'J.R.R. Tolkien' WHERE id = 1 /*!LIMIT 1*/";
        authorNames(unit);
        publisherNames(unit);

        unit.write(em -> em.createNativeQuery(sql).executeUpdate());

        int authorStatements = unit.countStatements(() -> assertThat(authorNames(unit))
                .containsExactly("J.R.R. Tolkien", "Le Guin", "Pratchett"));
        int publisherStatements = unit.countStatements(() -> publisherNames(unit));
        assertThat(authorStatements).isEqualTo(1);
        assertThat(publisherStatements).as("an unknown write invalidates every table").isEqualTo(1);
    }

    /**
     * PostgreSQL runs both statements of one string (and may then report an error); MariaDB's driver refuses
     * several statements. Either way, what the cache serves afterwards is what the database holds.
     */
    @Test
    void severalStatementsInOneReadStringNeverLeaveTheCacheBehindTheDatabase() throws SQLException {
        authorNames(unit);
        String sql = "SELECT 1; UPDATE ONLY author SET name = 'J.R.R. Tolkien' WHERE id = 1";

        try {
            unit.read(em -> em.createNativeQuery(sql).getResultList());
        } catch (RuntimeException refusedOrReported) {
            // the database or the driver said no, or reported the second statement's result: look at the data
        }

        List<String> stored = rawAuthorNames();
        if (postgres()) {
            assertThat(stored).as("PostgreSQL ran the UPDATE").contains("J.R.R. Tolkien");
        }
        assertThat(authorNames(unit)).isEqualTo(stored);
    }

    @Test
    void commentsBeforeAWriteDoNotHideIt() {
        List<String> writes = List.of(
                "/* SELECT */ UPDATE author SET name = 'One' WHERE id = 1",
                "-- SELECT name FROM author\nUPDATE author SET name = 'Two' WHERE id = 1",
                "/* a */ /* b */ UPDATE author SET name = 'Three' WHERE id = 1",
                "  \n\t/**/UPDATE/**/author/**/SET/**/name/**/=/**/'Four'/**/WHERE/**/id/**/=/**/1");
        for (String write : writes) {
            authorNames(unit);
            unit.write(em -> em.createNativeQuery(write).executeUpdate());
            String expected = write.replaceAll("(?s).*'([A-Za-z]+)'.*", "$1");

            assertThat(authorNames(unit)).as(write).startsWith(expected);
        }
    }

    @Test
    void executableCommentHidingATableIsNeverCachedUnderTheOtherTablesTokens() {
        assumeTrue(database == Database.MARIADB, "only MySQL and MariaDB run the text of /*! ... */ comments");
        String sql = "SELECT a.name FROM author a /*!JOIN book b ON b.author_id = a.id AND b.title = 'The Hobbit'*/ ORDER BY a.id";
        assertThat(strings(unit, sql)).containsExactly("Tolkien");

        unit.write(em -> em.find(Book.class, 1L).setTitle("There and Back Again"));

        assertThat(strings(unit, sql)).as("a write to book, hidden in the comment, changes the result").isEmpty();
    }

    @Test
    void identifiersThatDifferOnlyInCaseOrQuotesAreTheTablesTheDatabaseSays() {
        String upper = postgres() ? "\"AUTHOR\"" : "Author";
        unit.outside("CREATE TABLE " + (postgres() ? upper : "`Author`") + " (id INT PRIMARY KEY, name VARCHAR(50))");
        try (TestUnit cased = TestUnit.withProperties(database, Map.of(CachalotProperties.ADDITIONAL_TABLES, upper))) {
            Fixtures.library(unit);
            unit.outside("INSERT INTO " + upper + " (id, name) VALUES (1, 'other table')");
            String readOther = "SELECT name FROM " + upper + " ORDER BY id";
            String readAuthors = "SELECT name FROM author ORDER BY id";
            strings(cased, readOther);
            strings(cased, readAuthors);
            assertThat(cased.countStatements(() -> strings(cased, readOther))).as("cached").isZero();

            cased.write(em -> em.createNativeQuery("UPDATE " + upper + " SET name = 'changed' WHERE id = 1").executeUpdate());
            assertCachedOrFresh(cased, readOther, 1, List.of("changed"));
            assertCachedOrFresh(cased, readAuthors, 0, AUTHORS);

            String quotedLower = postgres() ? "\"author\"" : "`author`";
            cased.write(em -> em.createNativeQuery("UPDATE " + quotedLower + " SET name = 'Quoted' WHERE id = 1").executeUpdate());
            assertCachedOrFresh(cased, readAuthors, 1, List.of("Quoted", "Le Guin", "Pratchett"));
            assertCachedOrFresh(cased, readOther, 0, List.of("changed"));

            if (postgres()) {
                cased.write(em -> em.createNativeQuery("UPDATE AUTHOR SET name = 'Folded' WHERE id = 1").executeUpdate());
                assertCachedOrFresh(cased, readAuthors, 1, List.of("Folded", "Le Guin", "Pratchett"));
                assertCachedOrFresh(cased, readOther, 0, List.of("changed"));
            }
        } finally {
            unit.outside("DROP TABLE " + (postgres() ? upper : "`Author`"));
        }
    }

    @Test
    void inListOf2000BoundValuesIsCachedAndInvalidated() {
        List<Long> ids = LongStream.rangeClosed(1, 2000).boxed().toList();
        String placeholders = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        Function<EntityManager, List<String>> jpql = em -> em.createQuery(
                "SELECT a.name FROM Author a WHERE a.id IN :ids ORDER BY a.id", String.class)
                .setParameter("ids", ids).getResultList();
        Function<EntityManager, List<?>> nativeSql = em -> {
            Query query = em.createNativeQuery("SELECT name FROM author WHERE id IN (" + placeholders + ") ORDER BY id");
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter(i + 1, ids.get(i));
            }
            return query.getResultList();
        };

        assertThat(unit.read(jpql)).isEqualTo(AUTHORS);
        assertThat(unit.read(nativeSql)).isEqualTo(AUTHORS);
        assertThat(unit.countStatements(() -> {
            assertThat(unit.read(jpql)).isEqualTo(AUTHORS);
            assertThat(unit.read(nativeSql)).isEqualTo(AUTHORS);
        })).as("both cached").isZero();
        List<Long> otherIds = LongStream.rangeClosed(2, 2001).boxed().toList();
        List<String> fromOtherIds = unit.read(em -> em.createQuery(
                "SELECT a.name FROM Author a WHERE a.id IN :ids ORDER BY a.id", String.class)
                .setParameter("ids", otherIds).getResultList());
        assertThat(fromOtherIds).as("another list is another key").containsExactly("Le Guin", "Pratchett");

        unit.write(em -> em.find(Author.class, 2L).setName("Ursula K. Le Guin"));

        assertThat(unit.read(jpql)).containsExactly("Tolkien", "Ursula K. Le Guin", "Pratchett");
        assertThat(unit.read(nativeSql)).containsExactly("Tolkien", "Ursula K. Le Guin", "Pratchett");
    }

    private static void assertCachedOrFresh(TestUnit unit, String sql, int statements, List<String> expected) {
        List<String> names = new ArrayList<>();
        assertThat(unit.countStatements(() -> names.addAll(strings(unit, sql)))).as(sql).isEqualTo(statements);
        assertThat(names).as(sql).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(TestUnit unit, String sql) {
        return unit.read(em -> (List<String>) em.createNativeQuery(sql).getResultList());
    }

    private static List<String> authorNames(TestUnit unit) {
        return unit.read(em -> em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList());
    }

    private static List<String> publisherNames(TestUnit unit) {
        return unit.read(em -> em.createQuery("SELECT p.name FROM Publisher p ORDER BY p.id", String.class).getResultList());
    }

    private List<String> rawAuthorNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.rawConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM author ORDER BY id")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
