package io.cachalot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** cachalot.* values from MicroProfile Config, when the unit does not set them. */
class MicroProfileConfigTest {

    @AfterEach
    void removeConfig() {
        ConfigProviderResolver.setInstance(null);
    }

    private static void useConfig(Map<String, String> values) {
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ConfigProviderResolver.setInstance(new ConfigProviderResolver() {
            @Override
            public Config getConfig() {
                return config;
            }

            @Override
            public Config getConfig(ClassLoader loader) {
                return config;
            }

            @Override
            public ConfigBuilder getBuilder() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void registerConfig(Config registered, ClassLoader loader) {
            }

            @Override
            public void releaseConfig(Config released) {
            }
        });
    }

    private static int readTwice(TestUnit unit) {
        unit.read(em -> em.createQuery("SELECT a FROM Author a", Author.class).getResultList());
        return unit.countStatements(() -> unit.read(em -> em.createQuery("SELECT a FROM Author a", Author.class)
                .getResultList()));
    }

    @Test
    void aValueFromMicroProfileConfigApplies() {
        useConfig(Map.of(CachalotProperties.ENABLED, "false"));
        try (TestUnit unit = TestUnit.withProperties(Database.H2, Map.of())) {
            Fixtures.library(unit);
            assertThat(readTwice(unit)).as("cachalot.enabled=false from MicroProfile Config").isEqualTo(1);
        }
    }

    @Test
    void theUnitsOwnPropertyWinsOverMicroProfileConfig() {
        useConfig(Map.of(CachalotProperties.ENABLED, "false"));
        try (TestUnit unit = TestUnit.withProperties(Database.H2, Map.of(CachalotProperties.ENABLED, "true"))) {
            Fixtures.library(unit);
            assertThat(readTwice(unit)).isZero();
        }
    }
}
