package io.cachalot.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The read-path tests' common proof: a read reaches the database once, and its repetition does not. */
final class CachedReads {

    private CachedReads() {
    }

    /**
     * Runs {@code read} in a new entity manager, then again in another one; asserts that the first run
     * executed at least one statement, that the second executed none, and that both returned equal values.
     * {@code read} must turn entities into plain values before its entity manager closes.
     *
     * @return what the second (cached) run returned
     */
    static <T> T missThenHit(TestUnit unit, Function<EntityManager, T> read) {
        unit.sql().reset();
        T first = unit.read(read);
        assertThat(unit.sql().count()).as("statements of the first run").isPositive();
        unit.sql().reset();
        T second = unit.read(read);
        assertThat(unit.sql().statements()).as("statements of the second run, in a new entity manager").isEmpty();
        assertThat(second).isEqualTo(first);
        return second;
    }

    /** Runs {@code read} in a new entity manager and returns how many statements reached the database. */
    static int statementsOf(TestUnit unit, Function<EntityManager, ?> read) {
        return unit.countStatements(() -> unit.read(read));
    }

    /** Object[] rows as lists, so that results compare by value. */
    static List<List<Object>> rows(List<?> result) {
        return result.stream().map(row -> row instanceof Object[] array ? Arrays.asList(array) : Collections.singletonList(row)).toList();
    }

    /** How many statements since the last reset mention {@code table} (any case). */
    static long statementsOn(TestUnit unit, String table) {
        String lower = table.toLowerCase(Locale.ROOT);
        return unit.sql().statements().stream()
                .filter(sql -> sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + lower + "\\b.*"))
                .count();
    }
}
