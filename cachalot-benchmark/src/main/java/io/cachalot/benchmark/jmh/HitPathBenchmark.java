package io.cachalot.benchmark.jmh;

import io.cachalot.store.CachedEntry;
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

/** The steps of one hit on the embedded store, each alone, then the whole engine hit. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HitPathBenchmark {

    private HitPathFixture fixture;
    private ResultKey key;
    private List<String> tableKeys;
    private Lookup lookup;
    private CachedEntry entry;
    private HitPathFixture.Call call;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new HitPathFixture("embedded", null);
        key = fixture.key();
        tableKeys = fixture.tableKeys();
        lookup = fixture.store.lookup(tableKeys, key);
        entry = lookup.validEntry();
        if (entry == null) {
            throw new IllegalStateException("the fixture's result is not cached");
        }
        call = fixture.new Call();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** Copy the bound values and build the result key (its hash covers the SQL text). */
    @Benchmark
    public ResultKey keyBuild() {
        return fixture.key();
    }

    /** One store lookup: the tokens of the epoch and the table, and the entry. */
    @Benchmark
    public Lookup lookup() {
        return fixture.store.lookup(tableKeys, key);
    }

    /** Compare the entry's tokens with the current ones. */
    @Benchmark
    public CachedEntry tokenCheck() {
        return lookup.validEntry();
    }

    /** Copy the 10 cached rows out into EclipseLink records. */
    @Benchmark
    public Vector<AbstractRecord> rowCopy() {
        return fixture.rebuild(entry.result());
    }

    /** The whole hit through the engine: key, lookup, check, statistics, row copy. */
    @Benchmark
    public Vector<AbstractRecord> engineHit() {
        return fixture.engine.read(fixture.info, HitPathFixture.SQL, fixture.parameters, 0, 0, null, call);
    }
}
