package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.Cachalot;
import io.cachalot.eclipselink.CachalotUnits;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The container starts first and injects Cachalot; the persistence unit starts afterwards (this JVM's first). */
@EnableWeld
class UnitStartedAfterContainerTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().enableDiscovery()
            .addBeanClasses(InvalidationObserver.class)).build();

    @Inject
    Cachalot cachalot;

    @Inject
    InvalidationObserver observer;

    @Test
    void injectedBeforeTheUnitStartsAndUsableAfter() {
        assertThat(CachalotUnits.names()).isEmpty();
        assertThatThrownBy(() -> cachalot.stats()).hasMessageContaining("no unit running cachalot has started");

        TestUnit unit = TestUnit.on(Database.H2);
        Fixtures.library(unit);
        unit.read(em -> em.createQuery("SELECT p.name FROM Publisher p", String.class).getResultList());
        cachalot.invalidate("publisher");

        assertThat(unit.countStatements(() -> unit.read(em -> em.createQuery("SELECT p.name FROM Publisher p",
                String.class).getResultList()))).isEqualTo(1);
        assertThat(observer.received()).extracting(event -> event.table()).contains("PUBLISHER");
    }
}
