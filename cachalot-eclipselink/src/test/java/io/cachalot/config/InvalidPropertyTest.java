package io.cachalot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code cachalot.*} property with a value cachalot cannot use stops the persistence unit from starting,
 * with a message that names the property and the value.
 */
@ParameterizedClass
@EnumSource(Database.class)
class InvalidPropertyTest {

    @Parameter
    Database database;

    @BeforeEach
    void setUp() {
        TestUnit.on(database);
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
        cachalot.enabled              | maybe
        cachalot.infinispan.mode      | cloud
        cachalot.max-rows             | -1
        cachalot.max-rows             | abc
        cachalot.timeout              | 0
        cachalot.timeout              | x
        cachalot.cache-random         | yes?
        cachalot.invalidate-native    | perhaps
        cachalot.infinispan.servers   | bad value
        cachalot.uncachable-tables    | book;author
        cachalot.only-cachable-tables | ,
        cachalot.additional-tables    | 9lives
        cachalot.session.customizer   | io.cachalot.config.NoSuchCustomizer
        cachalot.session.customizer   | java.lang.String
        cachalot.session.customizer   | java.lang.Runnable
        cachalot.infinispan.config    | io/cachalot/no-such-infinispan.xml
        """)
    void badValueStopsTheUnitAndIsNamed(String property, String value) {
        String messages = startFailure(Map.of(property, value));

        assertThat(messages).contains(property).contains(value);
    }

    @Test
    void remoteModeWithoutServersIsNamed() {
        String messages = startFailure(Map.of(CachalotProperties.INFINISPAN_MODE, "remote"));

        assertThat(messages).contains(CachalotProperties.INFINISPAN_MODE).contains("remote");
    }

    @Test
    void infinispanConfigurationThatIsNotInfinispanXmlIsNamed(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("broken-infinispan.xml"), "<not-infinispan/>");

        String messages = startFailure(Map.of(CachalotProperties.INFINISPAN_CONFIG, file.toString()));

        assertThat(messages).contains(CachalotProperties.INFINISPAN_CONFIG).contains(file.toString());
    }

    @Test
    void badSystemPropertyIsNamedToo() {
        System.setProperty(CachalotProperties.MAX_ROWS, "lots");
        try {
            String messages = startFailure(Map.of());

            assertThat(messages).contains(CachalotProperties.MAX_ROWS).contains("lots");
        } finally {
            System.clearProperty(CachalotProperties.MAX_ROWS);
        }
    }

    @Test
    void unitPropertyWinsOverABadSystemProperty() {
        System.setProperty(CachalotProperties.MAX_ROWS, "lots");
        try {
            String messages = startFailure(Map.of(CachalotProperties.MAX_ROWS, "5"));

            assertThat(messages).isEmpty();
        } finally {
            System.clearProperty(CachalotProperties.MAX_ROWS);
        }
    }

    private String startFailure(Map<String, Object> extra) {
        return TestUnit.startFailure(database, extra);
    }
}
