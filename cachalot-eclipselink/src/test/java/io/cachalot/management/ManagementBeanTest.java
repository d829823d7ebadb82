package io.cachalot.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-unit management bean, used as jconsole would: through the platform MBean server. */
class ManagementBeanTest {

    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    TestUnit unit;
    ObjectName name;

    @BeforeEach
    void setUp() throws Exception {
        unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
        name = new ObjectName("io.cachalot:type=Cachalot,unit=" + ObjectName.quote(unit.cachalot().persistenceUnit()));
    }

    private List<Author> authors() {
        return unit.read(em -> em.createQuery("SELECT a FROM Author a", Author.class).getResultList());
    }

    @Test
    void statsAreAttributes() throws Exception {
        long hitsBefore = (Long) server.getAttribute(name, "Hits");
        authors();
        authors();
        assertThat((Long) server.getAttribute(name, "Hits")).isEqualTo(hitsBefore + 1);
        assertThat((String[]) server.getAttribute(name, "Tables")).contains("AUTHOR", "BOOK", "BOOK_CATEGORY");
        assertThat((Double) server.getAttribute(name, "HitRatio")).isBetween(0.0, 1.0);
    }

    @Test
    void invalidateOperationMakesTheNextReadGoToTheDatabase() throws Exception {
        authors();
        assertThat(unit.countStatements(this::authors)).isZero();
        server.invoke(name, "invalidate", new Object[] {"author"}, new String[] {String.class.getName()});
        assertThat(unit.countStatements(this::authors)).isEqualTo(1);
    }

    @Test
    void invalidateAllOperationInvalidatesEveryTable() throws Exception {
        authors();
        unit.read(em -> em.createQuery("SELECT p.name FROM Publisher p", String.class).getResultList());
        server.invoke(name, "invalidateAll", new Object[0], new String[0]);
        assertThat(unit.countStatements(this::authors)).isEqualTo(1);
        assertThat(unit.countStatements(() -> unit.read(em -> em.createQuery("SELECT p.name FROM Publisher p",
                String.class).getResultList()))).isEqualTo(1);
    }

    @Test
    void beanIsUnregisteredWhenItsUnitCloses() throws Exception {
        ObjectName other;
        try (TestUnit closing = TestUnit.withProperties(Database.H2, Map.of(CachalotProperties.MAX_ROWS, "50"))) {
            other = new ObjectName("io.cachalot:type=Cachalot,unit="
                    + ObjectName.quote(closing.cachalot().persistenceUnit()));
            assertThat(server.isRegistered(other)).isTrue();
        }
        assertThat(server.isRegistered(other)).isFalse();
    }
}
