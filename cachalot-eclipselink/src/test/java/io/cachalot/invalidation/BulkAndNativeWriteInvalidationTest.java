package io.cachalot.invalidation;

import static io.cachalot.invalidation.Observed.cached;
import static io.cachalot.invalidation.Observed.jpql;
import static io.cachalot.invalidation.Observed.nativeRows;
import static io.cachalot.invalidation.Observed.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Bulk JPQL writes and native SQL writes invalidate the tables they target, and only those. */
@ParameterizedClass
@EnumSource(Database.class)
class BulkAndNativeWriteInvalidationTest {

    private static final Function<EntityManager, List<Object>> AUTHOR_NAMES =
            jpql("SELECT a.name FROM Author a ORDER BY a.id");
    private static final Function<EntityManager, List<Object>> PUBLISHER_NAMES =
            jpql("SELECT p.name FROM Publisher p ORDER BY p.id");
    private static final Function<EntityManager, List<Object>> CATEGORY_NAMES =
            jpql("SELECT c.name FROM Category c ORDER BY c.id");
    private static final Function<EntityManager, List<Object>> VEHICLE_COUNT = jpql("SELECT COUNT(v) FROM Vehicle v");
    private static final Function<EntityManager, List<Object>> PAYMENT_COUNT = jpql("SELECT COUNT(p) FROM Payment p");
    private static final Map<String, Object> NATIVE_OFF = Map.of(CachalotProperties.INVALIDATE_NATIVE, "false");

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @Test
    void bulkJpqlUpdateInvalidatesOnlyItsTable() {
        cached(unit, AUTHOR_NAMES);
        cached(unit, PUBLISHER_NAMES);

        unit.write(em -> em.createQuery("UPDATE Author a SET a.name = 'Anonymous' WHERE a.id = 3").executeUpdate());

        Observed<List<Object>> after = read(unit, AUTHOR_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Tolkien", "Le Guin", "Anonymous");
        assertThat(read(unit, PUBLISHER_NAMES).statements()).isZero();
    }

    @Test
    void bulkJpqlDeleteInvalidatesItsTable() {
        Function<EntityManager, List<Object>> fiveStars = jpql("SELECT COUNT(r) FROM Review r WHERE r.stars = 5");
        assertThat(cached(unit, fiveStars)).containsExactly(3L);

        unit.write(em -> em.createQuery("DELETE FROM Review r WHERE r.stars = 5").executeUpdate());

        Observed<List<Object>> after = read(unit, fiveStars);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly(0L);
    }

    @Test
    void nativeInsertInvalidatesItsTable() {
        cached(unit, PUBLISHER_NAMES);
        cached(unit, AUTHOR_NAMES);

        unit.write(em -> em.createNativeQuery("INSERT INTO publisher (id, name) VALUES (3, 'Tor')").executeUpdate());

        Observed<List<Object>> after = read(unit, PUBLISHER_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("Allen & Unwin", "Gollancz", "Tor");
        assertThat(read(unit, AUTHOR_NAMES).statements()).isZero();
    }

    @Test
    void nativeUpdateInvalidatesItsTable() {
        cached(unit, CATEGORY_NAMES);

        unit.write(em -> em.createNativeQuery("UPDATE category SET name = 'satire' WHERE id = 3").executeUpdate());

        Observed<List<Object>> after = read(unit, CATEGORY_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("fantasy", "science fiction", "satire");
    }

    @Test
    void nativeDeleteInvalidatesItsTable() {
        Function<EntityManager, List<String>> tags = nativeRows("SELECT DISTINCT tag FROM book_tag ORDER BY tag");
        assertThat(cached(unit, tags)).containsExactly("dragon", "wizard");

        unit.write(em -> em.createNativeQuery("DELETE FROM book_tag WHERE tag = 'wizard'").executeUpdate());

        Observed<List<String>> after = read(unit, tags);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("dragon");
    }

    @Test
    void nativeMergeInvalidatesItsTarget() {
        assumeTrue(database != Database.MARIADB, "MariaDB has no MERGE statement");
        cached(unit, CATEGORY_NAMES);
        cached(unit, AUTHOR_NAMES);

        unit.write(em -> em.createNativeQuery("MERGE INTO category c USING (SELECT 4 AS id, 'poetry' AS name) s"
                + " ON (c.id = s.id) WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)").executeUpdate());

        Observed<List<Object>> after = read(unit, CATEGORY_NAMES);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("fantasy", "science fiction", "humour", "poetry");
        assertThat(read(unit, AUTHOR_NAMES).statements()).as("a read of another table").isZero();
    }

    @Test
    void truncateInvalidatesItsTable() {
        assertThat(cached(unit, PAYMENT_COUNT)).containsExactly(3L);
        cached(unit, VEHICLE_COUNT);

        unit.write(em -> em.createNativeQuery("TRUNCATE TABLE payment").executeUpdate());

        Observed<List<Object>> after = read(unit, PAYMENT_COUNT);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly(0L);
        assertThat(read(unit, VEHICLE_COUNT).statements()).isZero();
    }

    @Test
    void writeThatCannotBeParsedInvalidatesEveryTable() {
        cached(unit, AUTHOR_NAMES);
        cached(unit, PUBLISHER_NAMES);
        cached(unit, VEHICLE_COUNT);
        cached(unit, PAYMENT_COUNT);

        unit.write(em -> em.createNativeQuery(unparsableUpdateOfAuthor1()).executeUpdate());

        Observed<List<Object>> authors = read(unit, AUTHOR_NAMES);
        assertThat(authors.statements()).isEqualTo(1);
        assertThat(authors.value()).containsExactly("J. R. R. Tolkien", "Le Guin", "Pratchett");
        assertThat(read(unit, PUBLISHER_NAMES).statements()).isEqualTo(1);
        assertThat(read(unit, VEHICLE_COUNT).statements()).isEqualTo(1);
        assertThat(read(unit, PAYMENT_COUNT).statements()).isEqualTo(1);
    }

    @Test
    void nativeWritesAreNotInvalidatedWhenInvalidateNativeIsOff() {
        try (TestUnit lenient = TestUnit.withProperties(database, NATIVE_OFF)) {
            Fixtures.library(unit);
            cached(lenient, AUTHOR_NAMES);

            lenient.write(em -> em.createNativeQuery("UPDATE author SET name = 'Anonymous' WHERE id = 3")
                    .executeUpdate());

            Observed<List<Object>> after = read(lenient, AUTHOR_NAMES);
            assertThat(after.statements()).as("documented: the native write is not seen").isZero();
            assertThat(after.value()).containsExactly("Tolkien", "Le Guin", "Pratchett");
            lenient.cachalot().invalidate(Author.class);
            assertThat(read(lenient, AUTHOR_NAMES).value()).containsExactly("Tolkien", "Le Guin", "Anonymous");
        }
    }

    @Test
    void entityWritesStillInvalidateWhenInvalidateNativeIsOff() {
        try (TestUnit lenient = TestUnit.withProperties(database, NATIVE_OFF)) {
            Fixtures.library(unit);
            cached(lenient, AUTHOR_NAMES);

            lenient.write(em -> em.find(Author.class, 3L).setName("Terry Pratchett"));

            Observed<List<Object>> after = read(lenient, AUTHOR_NAMES);
            assertThat(after.statements()).isEqualTo(1);
            assertThat(after.value()).containsExactly("Tolkien", "Le Guin", "Terry Pratchett");
        }
    }

    /** An UPDATE of author 1 that the database runs but the SQL parser cannot read. */
    private String unparsableUpdateOfAuthor1() {
        return switch (database) {
            case H2 -> "MERGE INTO author (id, name) KEY (id) VALUES (1, 'J. R. R. Tolkien')";
            case POSTGRESQL -> "UPDATE ONLY author SET name = 'J. R. R. Tolkien' WHERE id = 1";
            case MARIADB -> "UPDATE author SET name = _utf8mb4'J. R. R. Tolkien' WHERE id = 1";
        };
    }
}
