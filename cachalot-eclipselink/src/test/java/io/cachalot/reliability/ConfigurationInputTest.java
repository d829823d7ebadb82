package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad values that io.cachalot.config's InvalidPropertyTest does not try: numbers out of range or not whole,
 * blank values, list values smuggling SQL, a JNDI name that names nothing, an unreachable or unreadable remote
 * store. Each stops the unit's start with a message naming the property and the value.
 */
class ConfigurationInputTest {

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
        cachalot.max-rows             | 1.5
        cachalot.max-rows             | 99999999999
        cachalot.timeout              | -5
        cachalot.timeout              | 1e3
        cachalot.enabled              | 1
        cachalot.enabled              | '   '
        cachalot.additional-tables    | author; DROP TABLE book
        cachalot.uncachable-tables    | author,,book
        cachalot.only-cachable-tables | author -- book
        cachalot.infinispan.servers   | 127.0.0.1:99999x
        cachalot.infinispan.jndi      | java:comp/env/no/such/cache
        """)
    void badValueStopsTheUnitAndIsNamed(String property, String value) {
        String messages = startFailure(Map.of(property, value));

        assertThat(messages).contains(property).contains(value.strip().isEmpty() ? property : value);
    }

    @Test
    void unreachableRemoteServerStopsTheUnitAndIsNamed() throws IOException {
        String servers = "127.0.0.1:" + closedPort();

        String messages = startFailure(Map.of(CachalotProperties.INFINISPAN_MODE, "remote",
                CachalotProperties.INFINISPAN_SERVERS, servers));

        assertThat(messages).contains(servers).contains(CachalotProperties.INFINISPAN_SERVERS);
    }

    @Test
    void missingHotRodClientPropertiesStopTheUnitAndAreNamed() {
        String messages = startFailure(Map.of(CachalotProperties.INFINISPAN_MODE, "remote",
                CachalotProperties.INFINISPAN_CONFIG, "io/cachalot/no-such-hotrod-client.properties"));

        assertThat(messages).contains(CachalotProperties.INFINISPAN_CONFIG).contains("no-such-hotrod-client.properties");
    }

    private static String startFailure(Map<String, Object> extra) {
        return TestUnit.startFailure(Database.H2, extra);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
