package io.cachalot.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.CachalotProperties;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

/** A bad cachalot.* value fails the CDI deployment with a message naming the property, not the first request. */
class DeploymentValidationTest {

    @Test
    void aUnitThatFailedToStartFailsTheDeployment() {
        assertThatThrownBy(() -> TestUnit.withProperties(Database.H2, Map.of(CachalotProperties.MAX_ROWS, "lots")))
                .hasStackTraceContaining("cachalot.max-rows");
        assertThatThrownBy(() -> new Weld().disableDiscovery().addBeanClass(InvalidationObserver.class)
                .addExtension(new CachalotExtension()).initialize().close())
                .hasMessageContaining("cachalot.max-rows")
                .hasMessageContaining("lots");
    }

    @Test
    void aBadSystemPropertyFailsTheDeployment() {
        System.setProperty(CachalotProperties.INFINISPAN_MODE, "cloud");
        try {
            assertThatThrownBy(() -> new Weld().disableDiscovery().addBeanClass(InvalidationObserver.class)
                .addExtension(new CachalotExtension()).initialize().close())
                    .hasMessageContaining(CachalotProperties.INFINISPAN_MODE)
                    .hasMessageContaining("cloud");
        } finally {
            System.clearProperty(CachalotProperties.INFINISPAN_MODE);
        }
    }
}
