package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.testing.Database;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** The messages of the failure's whole cause chain, or an empty text when the unit started. */
    private static String startFailure(Map<String, Object> extra) {
        Database database = Database.H2;
        TestUnit.on(database);
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", database.dataSource());
        properties.put("eclipselink.target-database", database.platform());
        properties.put("eclipselink.session-name", "configuration-input-" + System.nanoTime());
        properties.putAll(extra);
        EntityManagerFactory factory = null;
        try {
            factory = Persistence.createEntityManagerFactory(TestUnit.UNIT, properties);
            factory.createEntityManager().close();
            return "";
        } catch (RuntimeException e) {
            List<String> messages = new ArrayList<>();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                messages.add(String.valueOf(cause.getMessage()));
            }
            return String.join("\n", messages);
        } finally {
            if (factory != null && factory.isOpen()) {
                factory.close();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
