package io.cachalot.engine;

import static io.cachalot.CachalotProperties.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachalot.CachalotConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and checking of the {@code cachalot.*} properties. */
class SettingsTest {

    @Test
    void defaultsNeedNoProperty() {
        Settings settings = Settings.defaults();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.mode()).isEqualTo(MODE_EMBEDDED);
        assertThat(settings.config()).isNull();
        assertThat(settings.servers()).isNull();
        assertThat(settings.jndi()).isNull();
        assertThat(settings.timeout()).isNull();
        assertThat(settings.maxRows()).isEqualTo(DEFAULT_MAX_ROWS).isEqualTo(10_000);
        assertThat(settings.nearResults()).isEqualTo(DEFAULT_NEAR_RESULTS).isEqualTo(10_000);
        assertThat(settings.cacheRandom()).isFalse();
        assertThat(settings.invalidateNative()).isTrue();
        assertThat(settings.onlyCachableTables()).isEmpty();
        assertThat(settings.uncachableTables()).isEmpty();
        assertThat(settings.additionalTables()).isEmpty();
        assertThat(settings.sessionCustomizer()).isNull();
    }

    @Test
    void everyPropertyIsRead() {
        Settings settings = from(Map.ofEntries(
                Map.entry(ENABLED, "false"),
                Map.entry(INFINISPAN_MODE, "remote"),
                Map.entry(INFINISPAN_SERVERS, "cache1:11222;cache2"),
                Map.entry(INFINISPAN_CONFIG, "hotrod.properties"),
                Map.entry(INFINISPAN_JNDI, "java:jboss/infinispan/container/cachalot"),
                Map.entry(INFINISPAN_NEAR_RESULTS, "0"),
                Map.entry(TIMEOUT, "90"),
                Map.entry(MAX_ROWS, "250"),
                Map.entry(CACHE_RANDOM, "true"),
                Map.entry(INVALIDATE_NATIVE, "false"),
                Map.entry(SESSION_CUSTOMIZER, "com.example.Customizer")));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.mode()).isEqualTo(MODE_REMOTE);
        assertThat(settings.servers()).isEqualTo("cache1:11222;cache2");
        assertThat(settings.config()).isEqualTo("hotrod.properties");
        assertThat(settings.jndi()).isEqualTo("java:jboss/infinispan/container/cachalot");
        assertThat(settings.nearResults()).isZero();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxRows()).isEqualTo(250);
        assertThat(settings.cacheRandom()).isTrue();
        assertThat(settings.invalidateNative()).isFalse();
        assertThat(settings.sessionCustomizer()).isEqualTo("com.example.Customizer");
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
        cachalot.enabled                | maybe
        cachalot.enabled                | yes
        cachalot.enabled                | 1
        cachalot.enabled                | ''
        cachalot.cache-random           | yes?
        cachalot.cache-random           | on
        cachalot.invalidate-native      | nope
        cachalot.infinispan.mode        | cloud
        cachalot.infinispan.mode        | ' '
        cachalot.max-rows               | -1
        cachalot.max-rows               | abc
        cachalot.max-rows               | 1.5
        cachalot.max-rows               | 99999999999
        cachalot.infinispan.near-results | -1
        cachalot.infinispan.near-results | many
        cachalot.timeout                | 0
        cachalot.timeout                | x
        cachalot.timeout                | -5
        cachalot.timeout                | 10s
        cachalot.infinispan.servers     | bad value
        cachalot.infinispan.servers     | host:port
        cachalot.infinispan.servers     | host:123456
        cachalot.infinispan.servers     | good:11222;bad value
        cachalot.only-cachable-tables   | book,,author
        cachalot.only-cachable-tables   | ','
        cachalot.only-cachable-tables   | 'book, '
        cachalot.additional-tables      | ',stock'
        cachalot.uncachable-tables      | 'book; DROP TABLE author'
        cachalot.additional-tables      | 1abc
        cachalot.infinispan.config      | ' '
        cachalot.infinispan.jndi        | '  '
        cachalot.session.customizer     | ''
        """)
    void badValueNamesThePropertyAndTheValue(String property, String value) {
        assertThatThrownBy(() -> from(Map.of(property, value)))
                .isInstanceOf(CachalotConfigurationException.class)
                .hasMessageContaining(property)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void remoteModeNeedsServersOrAConfiguration() {
        assertThatThrownBy(() -> from(Map.of(INFINISPAN_MODE, "remote")))
                .isInstanceOf(CachalotConfigurationException.class)
                .hasMessageContaining(INFINISPAN_MODE)
                .hasMessageContaining("remote")
                .hasMessageContaining(INFINISPAN_SERVERS);
        assertThat(from(Map.of(INFINISPAN_MODE, "remote", INFINISPAN_SERVERS, "localhost")).servers()).isEqualTo("localhost");
        assertThat(from(Map.of(INFINISPAN_MODE, "remote", INFINISPAN_CONFIG, "hotrod.properties")).config())
                .isEqualTo("hotrod.properties");
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
        cachalot.enabled         | ' TRUE '   | true
        cachalot.enabled         | False      | false
        cachalot.cache-random    | TRUE       | true
        cachalot.infinispan.mode | EMBEDDED   | embedded
        cachalot.max-rows        | ' 7 '      | 7
        cachalot.max-rows        | 0          | 0
        cachalot.max-rows        | 2147483647 | 2147483647
        cachalot.timeout         | 1          | PT1S
        cachalot.timeout         | 3600       | PT1H
        """)
    void goodValuesAreAcceptedLeniently(String property, String value, String expected) {
        Settings settings = from(Map.of(property, value));

        Object actual = switch (property) {
            case ENABLED -> settings.enabled();
            case CACHE_RANDOM -> settings.cacheRandom();
            case INFINISPAN_MODE -> settings.mode();
            case MAX_ROWS -> settings.maxRows();
            case TIMEOUT -> settings.timeout();
            default -> throw new IllegalArgumentException(property);
        };
        assertThat(String.valueOf(actual)).isEqualTo(expected);
    }

    @Test
    void typedValuesAreAcceptedAsTheyAre() {
        Settings settings = from(Map.of(ENABLED, Boolean.FALSE, MAX_ROWS, 12, TIMEOUT, 5L, CACHE_RANDOM, Boolean.TRUE));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.maxRows()).isEqualTo(12);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.cacheRandom()).isTrue();
    }

    @Test
    void typedBadValueNamesThePropertyAndTheValue() {
        assertThatThrownBy(() -> from(Map.of(MAX_ROWS, -3)))
                .isInstanceOf(CachalotConfigurationException.class)
                .hasMessageContaining(MAX_ROWS)
                .hasMessageContaining("-3");
    }

    @Test
    void tableListsAreTrimmedAndKeepQuotes() {
        Settings settings = from(Map.of(
                ONLY_CACHABLE_TABLES, " book , author ",
                UNCACHABLE_TABLES, "\"Odd Name\", `Other`, [Third]",
                ADDITIONAL_TABLES, "legacy.stock_view"));

        assertThat(settings.onlyCachableTables()).isEqualTo(List.of("book", "author"));
        assertThat(settings.uncachableTables()).isEqualTo(List.of("\"Odd Name\"", "`Other`", "[Third]"));
        assertThat(settings.additionalTables()).isEqualTo(List.of("legacy.stock_view"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
        localhost
        cache-1.example.com:11222
        10.0.0.1:11222;10.0.0.2:11322
        [::1]:11222
        """)
    void serverListsInHostPortFormAreAccepted(String servers) {
        assertThat(from(Map.of(INFINISPAN_SERVERS, servers)).servers()).isEqualTo(servers);
    }

    @Test
    void firstBadPropertyIsTheOneReported() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(INFINISPAN_MODE, "cloud");
        properties.put(MAX_ROWS, "abc");

        assertThatThrownBy(() -> from(properties)).hasMessageContaining(INFINISPAN_MODE).hasMessageNotContaining(MAX_ROWS);
    }

    private static Settings from(Map<String, ?> properties) {
        return Settings.from(properties::get);
    }
}
