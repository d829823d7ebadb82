package io.cachalot.invalidation;

import static io.cachalot.invalidation.Observed.cached;
import static io.cachalot.invalidation.Observed.nativeRows;
import static io.cachalot.invalidation.Observed.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.CachalotProperties;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DDL run through the unit (ALTER, CREATE INDEX, CREATE TABLE, DROP) invalidates the table it changes. Each test
 * works on its own scratch table, made known to the unit through {@code cachalot.additional-tables}.
 */
@ParameterizedClass
@EnumSource(Database.class)
class SchemaChangeInvalidationTest {

    private static final AtomicInteger SCRATCH = new AtomicInteger();

    @Parameter
    Database database;

    String scratch;
    TestUnit unit;
    Function<EntityManager, List<String>> scratchRows;

    @BeforeEach
    void setUp() {
        scratch = "scratch_" + ProcessHandle.current().pid() + "_" + SCRATCH.incrementAndGet();
        unit = TestUnit.withProperties(database, Map.of(CachalotProperties.ADDITIONAL_TABLES, scratch));
        unit.outside("CREATE TABLE " + scratch + " (id INT PRIMARY KEY, label VARCHAR(20))");
        unit.outside("INSERT INTO " + scratch + " (id, label) VALUES (1, 'one'), (2, 'two')");
        scratchRows = nativeRows("SELECT * FROM " + scratch + " ORDER BY id");
    }

    @AfterEach
    void tearDown() {
        unit.outside("DROP TABLE IF EXISTS " + scratch);
        unit.close();
    }

    @Test
    void alterTableInvalidatesReadsOfTheTable() {
        assertThat(cached(unit, scratchRows)).containsExactly("[1, one]", "[2, two]");

        unit.write(em -> em.createNativeQuery("ALTER TABLE " + scratch + " ADD COLUMN note VARCHAR(10) DEFAULT 'new'")
                .executeUpdate());

        Observed<List<String>> after = read(unit, scratchRows);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).containsExactly("[1, one, new]", "[2, two, new]");
    }

    @Test
    void createIndexInvalidatesReadsOfTheTable() {
        List<String> before = cached(unit, scratchRows);

        unit.write(em -> em.createNativeQuery("CREATE INDEX " + scratch + "_label ON " + scratch + " (label)")
                .executeUpdate());

        Observed<List<String>> after = read(unit, scratchRows);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).isEqualTo(before);
    }

    @Test
    void createTableInvalidatesReadsOfATableOfTheSameName() {
        cached(unit, scratchRows);
        unit.outside("DROP TABLE " + scratch);

        unit.write(em -> em.createNativeQuery("CREATE TABLE " + scratch + " (id INT PRIMARY KEY, label VARCHAR(20))")
                .executeUpdate());

        Observed<List<String>> after = read(unit, scratchRows);
        assertThat(after.statements()).isEqualTo(1);
        assertThat(after.value()).isEmpty();
    }

    @Test
    void dropTableInvalidatesReadsOfTheTable() {
        cached(unit, scratchRows);

        unit.write(em -> em.createNativeQuery("DROP TABLE " + scratch).executeUpdate());

        assertThatThrownBy(() -> unit.read(scratchRows)).as("the database, not the cache, answers the read")
                .isInstanceOf(PersistenceException.class)
                .rootCause().isInstanceOf(SQLException.class)
                .message().containsIgnoringCase(scratch);
    }
}
