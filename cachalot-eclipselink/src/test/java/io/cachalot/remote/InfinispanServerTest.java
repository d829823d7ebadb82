package io.cachalot.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cachalot.CachalotConfigurationException;
import io.cachalot.CachalotProperties;
import io.cachalot.model.Author;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Remote mode against the full Infinispan Server, authentication on, credentials given the way users give
 * them: a {@code hotrod-client.properties} named by {@code cachalot.infinispan.config}.
 */
class InfinispanServerTest {

    static InfinispanServerProcess server;

    @TempDir
    static Path clientConfigs;

    @BeforeAll
    static void startServer() {
        assumeTrue(InfinispanServerProcess.classPathFile() != null,
                "the Infinispan Server's class path is resolved by the Maven build; run this test through Maven");
        server = new InfinispanServerProcess().start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aUnitAuthenticatedThroughClientPropertiesCachesAndInvalidates(Database database) throws IOException {
        Path config = clientProperties(InfinispanServerProcess.PASSWORD);
        try (TestUnit unit = remoteUnit(database, config); TestUnit other = remoteUnit(database, config)) {
            Fixtures.library(unit);
            assertThat(unit.countStatements(() -> authorNames(unit))).isEqualTo(1);
            assertThat(unit.countStatements(() -> assertThat(authorNames(unit))
                    .containsExactly("Tolkien", "Le Guin", "Pratchett"))).isZero();
            assertThat(other.countStatements(() -> authorNames(other))).as("served from the server to another unit").isZero();

            other.write(em -> em.find(Author.class, 2L).setName("Ursula K. Le Guin"));

            unit.sql().reset();
            assertThat(authorNames(unit)).containsExactly("Tolkien", "Ursula K. Le Guin", "Pratchett");
            assertThat(unit.sql().count()).isEqualTo(1);
            assertThat(unit.countStatements(() -> authorNames(unit))).isZero();
        }
    }

    @Test
    void wrongCredentialsStopTheUnitAtStartWithAMessageNamingTheProperty() throws IOException {
        Path config = clientProperties("not-the-password");
        assertThatThrownBy(() -> remoteUnit(Database.H2, config).close())
                .satisfies(thrown -> assertThat(causes(thrown))
                        .filteredOn(CachalotConfigurationException.class::isInstance)
                        .singleElement()
                        .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
                        .contains(CachalotProperties.INFINISPAN_CONFIG, config.toString())
                        .containsIgnoringCase("invalid credentials"));
    }

    private static TestUnit remoteUnit(Database database, Path clientProperties) {
        return TestUnit.withProperties(database, Map.of(
                CachalotProperties.INFINISPAN_MODE, CachalotProperties.MODE_REMOTE,
                CachalotProperties.INFINISPAN_CONFIG, clientProperties.toString()));
    }

    private static Path clientProperties(String password) throws IOException {
        Path file = Files.createTempFile(clientConfigs, "hotrod-client", ".properties");
        Files.writeString(file, """
                infinispan.client.hotrod.server_list=%s
                infinispan.client.hotrod.auth_username=%s
                infinispan.client.hotrod.auth_password=%s
                infinispan.client.hotrod.sasl_mechanism=SCRAM-SHA-256
                """.formatted(server.servers(), InfinispanServerProcess.USER, password));
        return file;
    }

    private static List<String> authorNames(TestUnit unit) {
        return unit.read(em -> em.createQuery("SELECT a.name FROM Author a ORDER BY a.id", String.class).getResultList());
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
