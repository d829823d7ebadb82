package io.cachalot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.remote.HotRodServerProcess;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whoever can write to the Infinispan Server cannot make cachalot run code or serve garbage: a crafted value put
 * under a real key of the results or tables cache is refused by the row codec and read as a miss; the query
 * runs on the database and its correct rows are cached again.
 */
class RemotePoisonedEntryTest {

    private static final String AUTHORS = "SELECT a.name FROM Author a ORDER BY a.id";
    private static final List<String> NAMES = List.of("Tolkien", "Le Guin", "Pratchett");

    static HotRodServerProcess server;
    static RemoteCacheManager attacker;

    @BeforeAll
    static void startServer() {
        server = new HotRodServerProcess().start();
        attacker = new RemoteCacheManager(new ConfigurationBuilder().addServers(server.servers()).build());
    }

    @AfterAll
    static void stopServer() {
        attacker.stop();
        server.close();
    }

    private static TestUnit remoteUnit() {
        return TestUnit.withProperties(Database.POSTGRESQL, Map.of(
                CachalotProperties.INFINISPAN_MODE, "remote",
                CachalotProperties.INFINISPAN_SERVERS, server.servers()));
    }

    private static List<String> names(TestUnit unit) {
        return unit.read(em -> em.createQuery(AUTHORS, String.class).getResultList());
    }

    @Test
    void craftedPayloadsUnderRealResultKeysAreMissesAndNeverRun() throws IOException {
        RowCodecHostileInputTest.canaryRan = false;
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(new RowCodecHostileInputTest.Canary());
        }
        byte[] bogusTag = {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 99, 0, 0, 0, 1, 99};
        byte[] bogusLength = {1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        try (TestUnit unit = remoteUnit(); TestUnit reader = remoteUnitKeepingNothingNear()) {
            Fixtures.library(unit);
            for (byte[] payload : List.of(serialized.toByteArray(), bogusTag, bogusLength)) {
                assertPoisonedResultsAreMisses(unit, reader, payload);
            }
        }
        assertThat(RowCodecHostileInputTest.canaryRan).isFalse();
    }

    @Test
    void garbageTokenUnderARealTableKeyInvalidatesInsteadOfBeingTrusted() {
        try (TestUnit unit = remoteUnit()) {
            Fixtures.library(unit);
            names(unit);
            assertThat(unit.countStatements(() -> names(unit))).as("cached").isZero();
            RemoteCache<String, byte[]> tables = attacker.getCache(CachalotProperties.TABLES_CACHE);
            List<String> authorKeys = new ArrayList<>(tables.keySet().stream().filter(key -> key.endsWith("|author")).toList());
            assertThat(authorKeys).isNotEmpty();
            authorKeys.forEach(key -> tables.put(key, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}));

            int statements = unit.countStatements(() -> assertThat(names(unit)).isEqualTo(NAMES));
            int afterwards = unit.countStatements(() -> assertThat(names(unit)).isEqualTo(NAMES));

            assertThat(statements).as("a garbage token is never taken as the stored one").isEqualTo(1);
            assertThat(afterwards).as("caching resumes under a fresh token").isZero();
        }
    }

    /** A unit that takes every result from the server (none kept in its JVM), so that it reads what was crafted. */
    private static TestUnit remoteUnitKeepingNothingNear() {
        return TestUnit.withProperties(Database.POSTGRESQL, Map.of(
                CachalotProperties.INFINISPAN_MODE, "remote",
                CachalotProperties.INFINISPAN_SERVERS, server.servers(),
                CachalotProperties.INFINISPAN_NEAR_RESULTS, "0"));
    }

    /**
     * Caches the authors through {@code unit}, overwrites every stored result with {@code payload}, and reads them
     * through {@code reader}, which keeps no copy of its own and must take the result from the server.
     */
    private static void assertPoisonedResultsAreMisses(TestUnit unit, TestUnit reader, byte[] payload) {
        names(unit);
        assertThat(unit.countStatements(() -> names(unit))).as("cached").isZero();
        RemoteCache<byte[], byte[]> results = attacker.getCache(CachalotProperties.RESULTS_CACHE);
        List<byte[]> keys = new ArrayList<>(results.keySet());
        assertThat(keys).isNotEmpty();
        keys.forEach(key -> results.put(key, payload));

        int poisoned = reader.countStatements(() -> assertThat(names(reader)).isEqualTo(NAMES));
        int afterwards = reader.countStatements(() -> assertThat(names(reader)).isEqualTo(NAMES));

        assertThat(poisoned).as("the crafted entry is a miss").isEqualTo(1);
        assertThat(afterwards).as("the correct rows were stored again").isZero();
    }
}
