package io.cachalot.api;

import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.function.Function;

/** Reads the API tests repeat, and how many statements they send to the database. */
final class Reads {

    private Reads() {
    }

    /** {@code SELECT COUNT(e) FROM <entity> e}: one statement on the entity's table when it misses. */
    static Function<EntityManager, Long> count(String entity) {
        return em -> em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult();
    }

    /** How many statements {@code read} sent to the database, run in a new entity manager. */
    static int statements(TestUnit unit, Function<EntityManager, ?> read) {
        return unit.countStatements(() -> unit.read(read));
    }

    /** Runs {@code read} until its result is cached. */
    static void cache(TestUnit unit, Function<EntityManager, ?> read) {
        unit.read(read);
        if (statements(unit, read) != 0) {
            throw new AssertionError("the read was not cached: " + unit.sql().statements());
        }
    }

    /** A table name as cachalot reports it: in the database's case for unquoted names. */
    static String table(Database database, String name) {
        return switch (database) {
            case H2 -> name.toUpperCase(Locale.ROOT);
            case POSTGRESQL -> name.toLowerCase(Locale.ROOT);
            case MARIADB -> name;
        };
    }
}
