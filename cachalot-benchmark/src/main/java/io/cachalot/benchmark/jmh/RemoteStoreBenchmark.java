package io.cachalot.benchmark.jmh;

import io.cachalot.remote.HotRodServerProcess;
import io.cachalot.store.Lookup;
import io.cachalot.store.ResultKey;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.TimeUnit;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/** The same hit and invalidation on the remote store: a Hot Rod server JVM on 127.0.0.1. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RemoteStoreBenchmark {

    private HotRodServerProcess server;
    private HitPathFixture fixture;
    private ResultKey key;
    private List<String> tableKeys;
    private HitPathFixture.Call call;
    private final List<String> oneTable = List.of("bench_item");

    @Setup(Level.Trial)
    public void setUp() {
        server = new HotRodServerProcess().start();
        fixture = new HitPathFixture("remote", server.servers());
        key = fixture.key();
        tableKeys = fixture.tableKeys();
        call = fixture.new Call();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
        server.close();
    }

    /** One remote lookup: the tokens from the server; the entry from the decoded copy this unit keeps. */
    @Benchmark
    public Lookup remoteLookup() {
        return fixture.store.lookup(tableKeys, key);
    }

    /** The whole hit through the engine on the remote store. */
    @Benchmark
    public Vector<AbstractRecord> remoteEngineHit() {
        return fixture.engine.read(fixture.info, HitPathFixture.SQL, fixture.parameters, 0, 0, null, call);
    }

    /**
     * 5 ms of busy work on this thread before each invocation (not timed), as when the application does other work
     * between two reads: the client's and the server's threads go idle meanwhile.
     */
    @State(Scope.Thread)
    public static class OtherWork {
        @Setup(Level.Invocation)
        public void work() {
            long end = System.nanoTime() + 5_000_000;
            while (System.nanoTime() < end) {
                Blackhole.consumeCPU(100);
            }
        }
    }

    /** The whole engine hit on the remote store, after 5 ms of other work. */
    @Benchmark
    public Vector<AbstractRecord> remoteEngineHitAfterOtherWork(OtherWork otherWork) {
        return fixture.engine.read(fixture.info, HitPathFixture.SQL, fixture.parameters, 0, 0, null, call);
    }

    /** A commit that wrote one table, on the remote store. */
    @Benchmark
    public void remoteInvalidateOneTable() {
        fixture.engine.invalidate(oneTable);
    }
}
