package io.cachalot.benchmark;

import java.util.Locale;

/** Cachalot's stores in the benchmark. */
enum BenchStore {
    EMBEDDED("embedded", "embedded local Infinispan in the JVM"),
    REMOTE("remote", "remote Hot Rod: an Infinispan Hot Rod server in a second JVM on 127.0.0.1"),
    CLUSTER("cluster", "two-node embedded cluster: cachalot-cluster.xml, the second node in another JVM");

    private final String label;
    private final String description;

    BenchStore(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    static BenchStore parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
