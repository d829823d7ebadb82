package io.cachalot.benchmark;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the queries in every context side by side: for each query, warm-up rounds and then measured rounds, each
 * round running every context once, in turn (each round starting one context further), so that a change of
 * machine load hits all contexts alike and none always runs first. A Cold
 * run first empties its contender's cache (not timed); a run of the per-request mode times the opening of its
 * EntityManager, the query, the reading of the rows and relations, and the closing.
 */
final class Workload {

    /** How each run gets its EntityManager. */
    enum EmMode {
        PER_REQUEST("a new EntityManager per query"),
        SHARED("one EntityManager shared by every run of a context");

        private final String description;

        EmMode(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    enum Phase { CONTROL, COLD, HOT }

    /** One column of the results: a contender in a phase. */
    record Context(String label, Contender contender, Phase phase) {
    }

    /** The runs of one query in one context. */
    record Result(BenchDatabase database, EmMode mode, BenchQuery query, Context context, double[] micros,
            double statementsPerRun, long checksum, String error) {

        boolean ok() {
            return error == null && micros.length > 0;
        }

        double mean() {
            return Arrays.stream(micros).average().orElse(Double.NaN);
        }

        double median() {
            double[] sorted = micros.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private final BenchDatabase database;
    private final List<Context> contexts;

    Workload(BenchDatabase database, List<Context> contexts) {
        this.database = database;
        this.contexts = contexts;
    }

    /** Runs every query in every context {@code rounds} times, discarding the times (JIT warm-up). */
    void warmUp(int rounds) {
        for (BenchQuery query : BenchQuery.values()) {
            Map<Context, String> errors = new IdentityHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Context context : contexts) {
                    if (!errors.containsKey(context)) {
                        prepare(context);
                        runOnce(context, query, null, errors);
                    }
                }
            }
        }
    }

    /** Measures every query in every context. */
    List<Result> measure(EmMode mode, int warmupRounds, int runs) {
        Map<Context, EntityManager> shared = new IdentityHashMap<>();
        if (mode == EmMode.SHARED) {
            contexts.forEach(context -> shared.put(context, context.contender().factory().createEntityManager()));
        }
        List<Result> results = new ArrayList<>();
        try {
            for (BenchQuery query : BenchQuery.values()) {
                results.addAll(measure(mode, query, shared, warmupRounds, runs));
            }
        } finally {
            shared.values().forEach(EntityManager::close);
        }
        return results;
    }

    private List<Result> measure(EmMode mode, BenchQuery query, Map<Context, EntityManager> shared, int warmupRounds,
            int runs) {
        Map<Context, String> errors = new IdentityHashMap<>();
        for (int round = 0; round < warmupRounds; round++) {
            for (Context context : contexts) {
                if (!errors.containsKey(context)) {
                    prepare(context);
                    runOnce(context, query, shared.get(context), errors);
                }
            }
        }
        System.gc();
        Map<Context, double[]> times = new LinkedHashMap<>();
        Map<Context, long[]> statements = new IdentityHashMap<>();
        Map<Context, Long> checksums = new IdentityHashMap<>();
        contexts.forEach(context -> {
            times.put(context, new double[runs]);
            statements.put(context, new long[1]);
        });
        for (int run = 0; run < runs; run++) {
            for (int position = 0; position < contexts.size(); position++) {
                // each round starts one context further, so every context takes every place in the rounds
                Context context = contexts.get((run + position) % contexts.size());
                if (errors.containsKey(context)) {
                    continue;
                }
                prepare(context);
                long executedBefore = CountingDataSource.executed();
                long start = System.nanoTime();
                Long checksum = runOnce(context, query, shared.get(context), errors);
                long elapsed = System.nanoTime() - start;
                statements.get(context)[0] += CountingDataSource.executed() - executedBefore;
                times.get(context)[run] = elapsed / 1_000.0;
                if (checksum != null) {
                    checksums.putIfAbsent(context, checksum);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (Context context : contexts) {
            String error = errors.get(context);
            results.add(new Result(database, mode, query, context, error == null ? times.get(context) : new double[0],
                    statements.get(context)[0] / (double) runs, checksums.getOrDefault(context, 0L), error));
        }
        return results;
    }

    /** Before each run of a Cold context: empty the cache (not timed). */
    private static void prepare(Context context) {
        if (context.phase() == Phase.COLD) {
            context.contender().invalidate();
        }
    }

    /** One run; null (and the error noted) when it failed. */
    private static Long runOnce(Context context, BenchQuery query, EntityManager sharedEm, Map<Context, String> errors) {
        EntityManager em = sharedEm != null ? sharedEm : context.contender().factory().createEntityManager();
        try {
            return query.run(context.contender(), em);
        } catch (RuntimeException e) {
            errors.put(context, describe(e));
            return null;
        } finally {
            if (sharedEm == null) {
                em.close();
            }
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return root.getClass().getSimpleName() + message;
    }
}
