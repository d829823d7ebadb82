package io.cachalot.api;

import static io.cachalot.api.Reads.cache;
import static io.cachalot.api.Reads.count;
import static io.cachalot.api.Reads.statements;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.DisabledScope;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code Cachalot.disable()}: a scope in which this thread reads from the database and stores nothing. */
@ParameterizedClass
@EnumSource(Database.class)
class DisabledScopeTest {

    private static final Function<EntityManager, Long> AUTHORS = count("Author");

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
    void cachedResultsAreNotServedInsideTheScope() {
        cache(unit, AUTHORS);

        try (DisabledScope off = cachalot.disable()) {
            assertThat(statements(unit, AUTHORS)).isEqualTo(1);
            assertThat(statements(unit, AUTHORS)).isEqualTo(1);
        }

        assertThat(statements(unit, AUTHORS)).as("the entry cached before is served again").isZero();
    }

    @Test
    void readsInsideTheScopeStoreNothing() {
        try (DisabledScope off = cachalot.disable()) {
            unit.read(AUTHORS);
            unit.read(AUTHORS);
        }

        assertThat(statements(unit, AUTHORS)).as("first read after the scope").isEqualTo(1);
        assertThat(statements(unit, AUTHORS)).as("second read after the scope").isZero();
    }

    @Test
    void scopesNestAndOnlyTheOutermostRestoresCaching() {
        cache(unit, AUTHORS);

        DisabledScope outer = cachalot.disable();
        DisabledScope inner = cachalot.disable();
        inner.close();
        inner.close();
        assertThat(statements(unit, AUTHORS)).as("inner scope closed (twice), outer still open").isEqualTo(1);
        outer.close();

        assertThat(statements(unit, AUTHORS)).isZero();
    }

    @Test
    void otherThreadsKeepReadingFromTheCache() {
        cache(unit, AUTHORS);

        try (DisabledScope off = cachalot.disable()) {
            int elsewhere = CompletableFuture.supplyAsync(() -> statements(unit, AUTHORS)).join();
            assertThat(elsewhere).isZero();
            assertThat(statements(unit, AUTHORS)).isEqualTo(1);
        }
    }

    @Test
    void writesInsideTheScopeStillInvalidate() {
        cache(unit, AUTHORS);

        try (DisabledScope off = cachalot.disable()) {
            unit.write(em -> em.persist(new Author(4, "Herbert", null)));
        }

        assertThat(statements(unit, AUTHORS)).isEqualTo(1);
        assertThat(unit.read(AUTHORS)).isEqualTo(4);
    }
}
