package io.cachalot.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What one read returned and how many statements it sent to the database.
 *
 * @param value the read's result
 * @param statements statement executions that reached the database while it ran
 */
record Observed<T>(T value, int statements) {

    /** Runs {@code read} in a new entity manager, counting the statements that reached the database. */
    static <T> Observed<T> read(TestUnit unit, Function<EntityManager, T> read) {
        unit.sql().reset();
        T value = unit.read(read);
        return new Observed<>(value, unit.sql().count());
    }

    /**
     * Runs {@code read} twice and checks that the second run was served from the cache, with no statement and
     * the same result.
     *
     * @return the cached result
     */
    static <T> T cached(TestUnit unit, Function<EntityManager, T> read) {
        T first = read(unit, read).value();
        Observed<T> second = read(unit, read);
        assertThat(second.statements())
                .as("statements of a repeated read, which should be served from the cache: %s", unit.sql().statements())
                .isZero();
        assertThat(second.value()).isEqualTo(first);
        return second.value();
    }

    /** A JPQL read, its results as the query returns them. */
    static Function<EntityManager, List<Object>> jpql(String query) {
        return em -> em.createQuery(query, Object.class).getResultList();
    }

    /** A native read; rows of several columns are turned into text such as {@code [1, one]}. */
    @SuppressWarnings("unchecked")
    static Function<EntityManager, List<String>> nativeRows(String sql) {
        return em -> ((List<Object>) em.createNativeQuery(sql).getResultList()).stream()
                .map(row -> row instanceof Object[] columns ? Arrays.toString(columns) : String.valueOf(row))
                .toList();
    }
}
