package io.cachalot.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.Cachalot;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a unit is named in events, statistics, JMX and {@code Cachalot.forUnit}. */
class UnitNameTest {

    @Test
    void aUnitIsNamedAfterItsPersistenceUnitEvenWithConnectionPropertiesInTheMap() {
        TestUnit.on(Database.H2);
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(TestUnit.UNIT, Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:naming;DB_CLOSE_DELAY=-1",
                "jakarta.persistence.jdbc.user", "sa",
                "eclipselink.target-database", Database.H2.platform()));
        try {
            assertThat(Cachalot.of(factory).persistenceUnit()).isEqualTo(TestUnit.UNIT);
        } finally {
            factory.close();
        }
    }

    @Test
    void anExplicitSessionNameWins() {
        assertThat(TestUnit.on(Database.H2).cachalot().persistenceUnit()).isEqualTo("cachalot-test-H2");
    }
}
