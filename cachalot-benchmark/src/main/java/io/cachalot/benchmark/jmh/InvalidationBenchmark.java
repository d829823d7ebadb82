package io.cachalot.benchmark.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The invalidation a commit costs: new tokens for the written tables, on the embedded store. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InvalidationBenchmark {

    private HitPathFixture fixture;
    private final List<String> oneTable = List.of("bench_item");
    private final List<String> fourTables = List.of("bench_item", "bench_user", "bench_group", "bench_user_groups");

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new HitPathFixture("embedded", null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** A commit that wrote one table. */
    @Benchmark
    public void invalidateOneTable() {
        fixture.engine.invalidate(oneTable);
    }

    /** A commit that wrote four tables. */
    @Benchmark
    public void invalidateFourTables() {
        fixture.engine.invalidate(fourTables);
    }
}
