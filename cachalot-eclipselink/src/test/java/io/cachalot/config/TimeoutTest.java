package io.cachalot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code cachalot.timeout}: a stored result lives at most that many seconds. */
@ParameterizedClass
@EnumSource(Database.class)
class TimeoutTest {

    private static final String AUTHORS = "SELECT a.name FROM Author a ORDER BY a.id";

    @Parameter
    Database database;

    @Test
    void resultExpiresAfterTheTimeout() throws InterruptedException {
        TestUnit shared = TestUnit.on(database);
        try (TestUnit unit = TestUnit.withProperties(database, Map.of(CachalotProperties.TIMEOUT, "1"))) {
            Fixtures.library(shared);
            unit.read(em -> em.createQuery(AUTHORS, String.class).getResultList());
            int beforeTimeout = unit.countStatements(() -> unit.read(em -> em.createQuery(AUTHORS, String.class).getResultList()));
            unit.outside("UPDATE author SET name = 'Changed outside' WHERE id = 1");

            Thread.sleep(1_500);
            List<String> afterTimeout = unit.read(em -> em.createQuery(AUTHORS, String.class).getResultList());

            assertThat(beforeTimeout).isZero();
            assertThat(afterTimeout).as("read again from the database").startsWith("Changed outside");
        }
    }
}
