package io.cachalot.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH microbenchmarks of io.cachalot.benchmark.jmh (one fork each) and returns their scores. */
final class JmhRun {

    /** One benchmark's score. */
    record Line(String name, String description, double score, double error, String unit) {
    }

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("keyBuild", "copy the bound values, build the result key"),
            Map.entry("lookup", "embedded store: tokens of epoch and table, and the entry"),
            Map.entry("tokenCheck", "compare stored tokens with current ones"),
            Map.entry("rowCopy", "copy 10 cached rows × 8 columns into EclipseLink records"),
            Map.entry("engineHit", "the whole engine hit, embedded store (key, lookup, check, stats, row copy)"),
            Map.entry("invalidateOneTable", "a commit's invalidation of one table, embedded"),
            Map.entry("invalidateFourTables", "a commit's invalidation of four tables, embedded"),
            Map.entry("remoteLookup", "remote store (Hot Rod, loopback): the tokens from the server, the entry from the unit's decoded copy"),
            Map.entry("remoteEngineHit", "the whole engine hit on the remote store, back to back"),
            Map.entry("remoteEngineHitAfterOtherWork", "the same hit after 5 ms of other work on the thread (idle network threads)"),
            Map.entry("remoteInvalidateOneTable", "a commit's invalidation of one table, remote"));

    private JmhRun() {
    }

    static List<Line> run(BenchOptions options) throws RunnerException {
        boolean quick = options.quick();
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("io\\.cachalot\\.benchmark\\.jmh\\..*")
                .forks(1)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(false)
                .build()).run();
        Map<String, Line> sorted = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String name = method;
            String description = DESCRIPTIONS.getOrDefault(method, "");
            var primary = result.getPrimaryResult();
            sorted.put(order(method) + name, new Line(name, description, primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit()));
        }
        return new ArrayList<>(sorted.values());
    }

    private static String order(String method) {
        List<String> order = List.of("keyBuild", "lookup", "tokenCheck", "rowCopy", "engineHit", "invalidateOneTable",
                "invalidateFourTables", "remoteLookup", "remoteEngineHit", "remoteEngineHitAfterOtherWork", "remoteInvalidateOneTable");
        int index = order.indexOf(method);
        return String.format("%02d", index < 0 ? 99 : index);
    }
}
