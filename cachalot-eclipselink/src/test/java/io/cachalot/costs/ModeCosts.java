package io.cachalot.costs;

import io.cachalot.Cachalot;
import io.cachalot.CachalotProperties;
import io.cachalot.DisabledScope;
import io.cachalot.cluster.ClusterNodeMain;
import io.cachalot.eclipselink.CachalotSessionCustomizer;
import io.cachalot.model.Author;
import io.cachalot.remote.HotRodServerProcess;
import io.cachalot.remote.InfinispanServerProcess;
import io.cachalot.store.CacheStore;
import io.cachalot.store.CachedEntry;
import io.cachalot.store.CachedResult;
import io.cachalot.store.ResultKey;
import io.cachalot.store.TableVersion;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;

/**
 * What a hit and an invalidation cost in each store mode, measured through the public path on H2: a cached
 * JPQL query in a new entity manager, {@code Cachalot.invalidate} of one table, and the raw store lookup
 * under them. A measurement, not a test. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl cachalot-eclipselink test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
 *   -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx768m -Dcachalot.infinispan-server.classpath=target/infinispan-server.classpath -cp %classpath io.cachalot.costs.ModeCosts"
 * </pre>
 *
 * Each operation is warmed up, then measured in rounds that take turns with the other operations of its
 * mode, so that a noisy moment of the machine spreads over all of them. Every call is timed; the table
 * gives the mean and percentiles in microseconds. System properties: {@code costs.warmup} seconds per
 * operation (default 2), {@code costs.seconds} measured seconds per operation (default 5), {@code
 * costs.rounds} (default 5), {@code costs.modes} (default {@code local,hotrod,server,cluster}). The remote
 * modes start their server in another JVM on this machine (loopback); {@code cluster} starts a second node in
 * another JVM, which needs the PostgreSQL of the test suite (that node's database).
 */
public final class ModeCosts {

    private static final String QUERY = "SELECT a FROM Author a WHERE a.id <= :max ORDER BY a.id";
    private static final double WARMUP = Double.parseDouble(System.getProperty("costs.warmup", "2"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("costs.seconds", "5"));
    private static final int ROUNDS = Integer.parseInt(System.getProperty("costs.rounds", "5"));
    private static final List<String> MODES = List.of(System.getProperty("costs.modes", "local,hotrod,server,cluster").split(","));
    private static volatile long sink;

    private ModeCosts() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "java %s, %d cores, load average before: %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "warm-up %.0f s, measured %.0f s in %d rounds per operation; times in microseconds%n%n",
                WARMUP, SECONDS, ROUNDS);
        List<String> table = new ArrayList<>();
        table.add("| mode | operation | ops | mean | p50 | p90 | p99 |");
        table.add("|---|---|---:|---:|---:|---:|---:|");
        for (String mode : MODES) {
            switch (mode.trim()) {
                case "local" -> local(table);
                case "hotrod" -> hotRod(table);
                case "server" -> server(table);
                case "cluster" -> cluster(table);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println();
        System.out.println("load average after: " + loadAverage());
        System.exit(0);
    }

    /**
     * The library fixture plus authors up to id 100, so the query returns 3 or 100 rows. After opening the
     * unit: opening one empties the tables.
     */
    private static void seed(TestUnit unit) {
        Fixtures.library(unit);
        unit.write(em -> {
            for (long id = 4; id <= 100; id++) {
                em.persist(new Author(id, "Author " + id, LocalDate.of(1900, 1, 1).plusDays(id)));
            }
        });
    }

    private static void local(List<String> table) {
        try (TestUnit unit = TestUnit.withProperties(Database.H2, Map.of())) {
            seed(unit);
            Cachalot cachalot = unit.cachalot();
            String database = "database (H2 in memory)";
            IntSupplier three = () -> bypassed(cachalot, () -> authors(unit, 3));
            IntSupplier hundred = () -> bypassed(cachalot, () -> authors(unit, 100));
            expectStatements(unit, three, 3, 1);
            expectStatements(unit, hundred, 100, 1);
            costs("embedded local", unit, table, List.of(
                    new Operation(database, "query, 3 rows, cachalot bypassed", three),
                    new Operation(database, "query, 100 rows, cachalot bypassed", hundred)));
        }
    }

    private static void hotRod(List<String> table) {
        try (HotRodServerProcess server = new HotRodServerProcess().start();
                TestUnit unit = TestUnit.withProperties(Database.H2, Map.of(
                        CachalotProperties.INFINISPAN_MODE, CachalotProperties.MODE_REMOTE,
                        CachalotProperties.INFINISPAN_SERVERS, server.servers()))) {
            seed(unit);
            costs("remote Hot Rod (test server)", unit, table, List.of());
        }
    }

    private static void server(List<String> table) throws IOException {
        if (InfinispanServerProcess.classPathFile() == null || !Files.exists(InfinispanServerProcess.classPathFile())) {
            System.out.println("skipping the Infinispan Server: set -D" + InfinispanServerProcess.CLASSPATH_PROPERTY);
            return;
        }
        try (InfinispanServerProcess server = new InfinispanServerProcess(false)) {
            server.start();
            Path config = Files.createTempFile("hotrod-client", ".properties");
            Files.writeString(config, """
                    infinispan.client.hotrod.server_list=%s
                    infinispan.client.hotrod.auth_username=%s
                    infinispan.client.hotrod.auth_password=%s
                    infinispan.client.hotrod.sasl_mechanism=SCRAM-SHA-256
                    """.formatted(server.servers(), InfinispanServerProcess.USER, InfinispanServerProcess.PASSWORD));
            try (TestUnit unit = TestUnit.withProperties(Database.H2, Map.of(
                    CachalotProperties.INFINISPAN_MODE, CachalotProperties.MODE_REMOTE,
                    CachalotProperties.INFINISPAN_CONFIG, config.toString()))) {
                seed(unit);
                costs("remote Infinispan Server (auth)", unit, table, List.of());
            } finally {
                Files.deleteIfExists(config);
            }
        }
    }

    private static void cluster(List<String> table) throws Exception {
        int portA = freePort();
        int portB = freePort();
        String hosts = "127.0.0.1[" + portA + "],127.0.0.1[" + portB + "]";
        String name = "cachalot-costs-" + portA;
        System.setProperty("java.net.preferIPv4Stack", "true");
        System.setProperty("cachalot.cluster.name", name);
        System.setProperty("cachalot.cluster.port", String.valueOf(portA));
        System.setProperty("cachalot.cluster.hosts", hosts);
        Process nodeB = startNode(portB, hosts, name);
        try (TestUnit unit = TestUnit.withProperties(Database.H2, Map.of(
                CachalotProperties.INFINISPAN_CONFIG, "io/cachalot/infinispan/cachalot-cluster.xml"))) {
            int members = clusterSize(unit);
            if (members < 2) {
                throw new IllegalStateException("the second node did not join: " + members + " member(s)");
            }
            seed(unit);
            costs("clustered embedded, 2 nodes", unit, table, List.of());
        } finally {
            nodeB.destroyForcibly();
            nodeB.waitFor();
        }
    }

    /**
     * The hit, lookup and invalidation costs of one unit (with {@code others} measured in the same rounds),
     * checking first that the hits are hits and the misses are misses.
     */
    private static void costs(String mode, TestUnit unit, List<String> table, List<Operation> others) {
        Cachalot cachalot = unit.cachalot();
        IntSupplier three = () -> authors(unit, 3);
        IntSupplier hundred = () -> authors(unit, 100);
        three.getAsInt();
        hundred.getAsInt();
        expectStatements(unit, three, 3, 0);
        expectStatements(unit, hundred, 100, 0);
        expectStatements(unit, () -> {
            cachalot.invalidate(Author.class);
            return three.getAsInt();
        }, 3, 1);
        List<Operation> operations = new ArrayList<>(others);
        operations.addAll(List.of(
                new Operation(mode, "hit: cached query, 3 rows, new EntityManager", three),
                new Operation(mode, "hit: cached query, 100 rows, new EntityManager", hundred),
                new Operation(mode, "raw store lookup (epoch + 1 table, 3-row entry)", storeLookup(unit)),
                new Operation(mode, "invalidate 1 table (Cachalot.invalidate)", () -> {
                    cachalot.invalidate(Author.class);
                    return 1;
                }),
                new Operation(mode, "invalidate 1 table, then the 3-row query (miss + store)", () -> {
                    cachalot.invalidate(Author.class);
                    return three.getAsInt();
                })));
        measure(table, operations);
        System.out.println("measured " + mode);
    }

    /** Checks what an operation does before timing it: the rows it returns, the statements it runs. */
    private static void expectStatements(TestUnit unit, IntSupplier operation, int rows, int statements) {
        int[] returned = new int[1];
        int ran = unit.countStatements(() -> returned[0] = operation.getAsInt());
        if (returned[0] != rows || ran != statements) {
            throw new IllegalStateException("expected " + rows + " rows and " + statements + " statement(s), got "
                    + returned[0] + " rows and " + ran + " statement(s)");
        }
    }

    /** A lookup as the engine makes it for a one-table query that is a hit. */
    private static IntSupplier storeLookup(TestUnit unit) {
        CacheStore store = CachalotSessionCustomizer.engineOf(
                unit.factory().unwrap(JpaEntityManagerFactory.class).getDatabaseSession()).store();
        List<String> keys = List.of("#epoch", "costs|AUTHOR");
        Map<String, TableVersion> versions = store.versions(keys);
        long[] tokens = keys.stream().mapToLong(key -> versions.get(key).token()).toArray();
        ResultKey key = new ResultKey("costs", "SELECT ID, BORN, NAME FROM AUTHOR WHERE (ID <= ?) ORDER BY ID",
                new Object[] {3L}, 0, 0);
        Object[][] rows = {{1L, Date.valueOf("1892-01-03"), "Tolkien"}, {2L, Date.valueOf("1929-10-21"), "Le Guin"},
            {3L, Date.valueOf("1948-04-28"), "Pratchett"}};
        store.putEntry(key, new CachedEntry(tokens, new CachedResult(new String[] {"ID", "BORN", "NAME"}, rows, false)), null);
        if (store.lookup(keys, key).validEntry() == null) {
            throw new IllegalStateException("the raw lookup found no valid entry");
        }
        return () -> store.lookup(keys, key).validEntry().result().rowCount();
    }

    private static int authors(TestUnit unit, long max) {
        return unit.read(em -> em.createQuery(QUERY, Author.class).setParameter("max", max).getResultList().size());
    }

    private static int bypassed(Cachalot cachalot, IntSupplier query) {
        try (DisabledScope off = cachalot.disable()) {
            return query.getAsInt();
        }
    }

    /**
     * Warms each operation up, then times every call in rounds, the operations taking turns. Before each
     * round an operation runs once untimed, so a hit round does not start with the miss that the previous
     * invalidation round left.
     */
    private static void measure(List<String> table, List<Operation> operations) {
        for (Operation operation : operations) {
            run(operation.body(), WARMUP, null);
        }
        List<List<long[]>> rounds = new ArrayList<>();
        operations.forEach(operation -> rounds.add(new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < operations.size(); i++) {
                IntSupplier body = operations.get(i).body();
                sink += body.getAsInt();
                rounds.get(i).add(run(body, SECONDS / ROUNDS, new long[1 << 20]));
            }
        }
        for (int i = 0; i < operations.size(); i++) {
            long[] all = rounds.get(i).stream().flatMapToLong(Arrays::stream).sorted().toArray();
            table.add(row(operations.get(i).mode(), operations.get(i).name(), all));
        }
    }

    /** Runs the operation for this many seconds; returns the time of each call when {@code samples} is given. */
    private static long[] run(IntSupplier operation, double seconds, long[] samples) {
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start;
        while ((start = System.nanoTime()) < end && (samples == null || count < samples.length)) {
            sink += operation.getAsInt();
            if (samples != null) {
                samples[count++] = System.nanoTime() - start;
            }
        }
        return samples == null ? null : Arrays.copyOf(samples, count);
    }

    private record Operation(String mode, String name, IntSupplier body) {
    }

    private static String row(String mode, String operation, long[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000;
        return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |", mode, operation, sorted.length,
                mean, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1000.0;
    }

    private static int clusterSize(TestUnit unit) {
        CacheStore store = CachalotSessionCustomizer.engineOf(
                unit.factory().unwrap(JpaEntityManagerFactory.class).getDatabaseSession()).store();
        return ((io.cachalot.store.EmbeddedInfinispanStore) store).cacheManager().getMembers().size();
    }

    /** A second application node ({@link ClusterNodeMain}) in its own JVM. */
    private static Process startNode(int port, String hosts, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-Djava.net.preferIPv4Stack=true",
                "-Dcachalot.cluster.port=" + port, "-Dcachalot.cluster.hosts=" + hosts, "-Dcachalot.cluster.name=" + name,
                "-Dcachalot.test.db=" + Database.TEST_DATABASE,
                "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.equals("READY")) {
            // start-up output
        }
        if (line == null) {
            throw new IllegalStateException("the second cluster node exited before it was ready");
        }
        Thread drain = new Thread(() -> {
            try {
                while (lines.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the node ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
