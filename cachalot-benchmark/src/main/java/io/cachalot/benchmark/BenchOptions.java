package io.cachalot.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's options, from system properties (the pom passes {@code -Dbench.*} through):
 * <ul>
 * <li>{@code bench.quick} — true: PostgreSQL only, embedded and remote stores, shorter warm-up and JMH</li>
 * <li>{@code bench.databases} — comma list among h2, postgresql, mariadb (default all; quick: postgresql)</li>
 * <li>{@code bench.stores} — comma list among embedded, remote, cluster (default all; quick: embedded, remote)</li>
 * <li>{@code bench.runs} — measured runs per query and context (default 20)</li>
 * <li>{@code bench.warmup} — warm-up rounds per query before measuring (default 15; quick 6)</li>
 * <li>{@code bench.jmh} — run the JMH microbenchmarks too (default true)</li>
 * <li>{@code bench.output} — the docs folder to write benchmark.md and images/ into (default ./docs)</li>
 * </ul>
 */
record BenchOptions(boolean quick, List<BenchDatabase> databases, List<BenchStore> stores, int runs, int warmup,
        int globalWarmup, boolean jmh, Path output) {

    static BenchOptions fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        List<BenchDatabase> databases = list("bench.databases", quick ? "postgresql" : "h2,postgresql,mariadb")
                .stream().map(BenchDatabase::parse).toList();
        List<BenchStore> stores = list("bench.stores", quick ? "embedded,remote" : "embedded,remote,cluster")
                .stream().map(BenchStore::parse).toList();
        int runs = Integer.getInteger("bench.runs", 20);
        int warmup = Integer.getInteger("bench.warmup", quick ? 6 : 15);
        int globalWarmup = Integer.getInteger("bench.global-warmup", quick ? 15 : 40);
        boolean jmh = Boolean.parseBoolean(System.getProperty("bench.jmh", "true"));
        String output = System.getProperty("bench.output", "");
        return new BenchOptions(quick, databases, stores, runs, warmup, globalWarmup, jmh,
                Path.of(output.isBlank() ? "docs" : output));
    }

    private static List<String> list(String property, String fallback) {
        String value = System.getProperty(property, "");
        return Arrays.stream((value.isBlank() ? fallback : value).split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
