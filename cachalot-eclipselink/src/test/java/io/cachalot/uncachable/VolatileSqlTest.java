package io.cachalot.uncachable;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SQL whose result changes between two runs on the same data is never served from the cache. */
@ParameterizedClass
@EnumSource(Database.class)
class VolatileSqlTest {

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.library(unit);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CURRENT_TIMESTAMP", "NOW()", "LOCALTIMESTAMP", "CURRENT_DATE", "random", "uuid"})
    void nativeSqlCallingAVolatileFunctionReachesTheDatabaseEveryTime(String function) {
        String sql = "SELECT id, " + expression(function) + " FROM author WHERE id = 1";

        for (int run = 1; run <= 2; run++) {
            List<Object> rows = new ArrayList<>();
            int statements = unit.countStatements(() -> rows.addAll(unit.read(em -> em.createNativeQuery(sql).getResultList())));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(rows).singleElement().satisfies(row -> assertThat(((Number) ((Object[]) row)[0]).longValue()).isEqualTo(1));
        }
    }

    @Test
    void sameNativeSqlWithoutAVolatileFunctionIsCached() {
        String sql = "SELECT id, name FROM author WHERE id = 1";
        unit.read(em -> em.createNativeQuery(sql).getResultList());

        assertThat(unit.countStatements(() -> unit.read(em -> em.createNativeQuery(sql).getResultList()))).isZero();
    }

    @Test
    void jpqlUsingTheClockReachesTheDatabaseEveryTime() {
        String jpql = "SELECT a.name FROM Author a WHERE a.born < CURRENT_DATE ORDER BY a.id";

        for (int run = 1; run <= 2; run++) {
            List<String> names = new ArrayList<>();
            int statements = unit.countStatements(() -> names.addAll(unit.read(em -> em.createQuery(jpql, String.class).getResultList())));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(names).containsExactly("Tolkien", "Le Guin", "Pratchett");
        }
    }

    @Test
    void sequenceGivesANewValueEveryTime() {
        unit.outside("CREATE SEQUENCE IF NOT EXISTS tx_seq");
        String next = database == Database.POSTGRESQL ? "nextval('tx_seq')" : "NEXT VALUE FOR tx_seq";
        String sql = "SELECT " + next + ", name FROM author WHERE id = 2";

        List<Long> values = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            int statements = unit.countStatements(() -> {
                Object[] row = (Object[]) unit.read(em -> em.createNativeQuery(sql).getSingleResult());
                assertThat(row[1]).isEqualTo("Le Guin");
                values.add(((Number) row[0]).longValue());
            });
            assertThat(statements).as("run " + run).isEqualTo(1);
        }

        assertThat(values.get(1)).isGreaterThan(values.get(0));
    }

    @Test
    void orderByRandomIsNotCachedByDefault() {
        String sql = "SELECT name FROM author ORDER BY " + expression("random");

        for (int run = 1; run <= 2; run++) {
            List<Object> names = new ArrayList<>();
            int statements = unit.countStatements(() -> names.addAll(unit.read(em -> em.createNativeQuery(sql).getResultList())));

            assertThat(statements).as("run " + run).isEqualTo(1);
            assertThat(names).containsExactlyInAnyOrder("Tolkien", "Le Guin", "Pratchett");
        }
    }

    @Test
    void cacheRandomCachesOrderByRandomButNotTheClock() {
        String shuffled = "SELECT name FROM author ORDER BY " + expression("random");
        String timed = "SELECT name, CURRENT_TIMESTAMP FROM author WHERE id = 1";
        try (TestUnit random = TestUnit.withProperties(database, Map.of(CachalotProperties.CACHE_RANDOM, "true"))) {
            Fixtures.library(unit);
            List<Object> first = new ArrayList<>(random.read(em -> em.createNativeQuery(shuffled).getResultList()));
            random.read(em -> em.createNativeQuery(timed).getResultList());

            random.sql().reset();
            List<Object> second = new ArrayList<>(random.read(em -> em.createNativeQuery(shuffled).getResultList()));
            int shuffledStatements = random.sql().count();
            int timedStatements = random.countStatements(() -> random.read(em -> em.createNativeQuery(timed).getResultList()));

            assertThat(shuffledStatements).isZero();
            assertThat(second).isEqualTo(first).containsExactlyInAnyOrder("Tolkien", "Le Guin", "Pratchett");
            assertThat(timedStatements).isEqualTo(1);
        }
    }

    private String expression(String function) {
        return switch (function) {
            case "random" -> database == Database.MARIADB ? "RAND()" : "RANDOM()";
            case "uuid" -> switch (database) {
                case H2 -> "RANDOM_UUID()";
                case POSTGRESQL -> "gen_random_uuid()";
                case MARIADB -> "UUID()";
            };
            default -> function;
        };
    }
}
