package io.cachalot.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.persistence.config.QueryHints;

/**
 * Checks, on the benchmark's data, how EclipseLink's own query-results cache behaves with the usages the seed's
 * queries need: named queries with and without a row window, a COUNT, and a dynamic JPQL query with the hint.
 * Each check counts the statements that reached the database on repeated executions, each in a new
 * EntityManager.
 */
final class QueryResultsCacheFacts {

    /** One check: what was run, statements per execution after the first, and what happened. */
    record Fact(BenchDatabase database, String usage, String observed) {
    }

    private static final int REPEATS = 5;
    private static final int DYNAMIC_RUNS = 1_500;

    private QueryResultsCacheFacts() {
    }

    static List<Fact> check(BenchDatabase database, EclipseLinkContender cache, EclipseLinkContender plain) {
        EntityManagerFactory factory = cache.factory();
        List<Fact> facts = new ArrayList<>();
        String small = named(factory, "facts.small", "SELECT i FROM Item i WHERE i.id <= 3", -1, -1);
        String all = named(factory, "facts.all", "SELECT i FROM Item i", -1, -1);
        String page = named(factory, "facts.page", "SELECT i FROM Item i", 5000, 10);
        String count = named(factory, "facts.count", "SELECT COUNT(i) FROM Item i", -1, -1);
        facts.add(repeat(database, "named query, no row window (`WHERE i.id <= 3`)", cache,
                em -> em.createNamedQuery(small).getResultList().size()));
        facts.add(repeat(database, "named query, row window set per call (`setFirstResult(5000).setMaxResults(10)`)", cache,
                em -> em.createNamedQuery(all).setFirstResult(5000).setMaxResults(10).getResultList().size()));
        facts.add(repeat(database, "named query, row window fixed in the named query (`addNamedQuery` of a paged query)",
                cache, em -> em.createNamedQuery(page).getResultList().size()));
        facts.add(repeat(database, "named query `SELECT COUNT(i) FROM Item i`", cache,
                em -> ((Number) em.createNamedQuery(count).getSingleResult()).intValue()));
        facts.add(dynamic(database, cache, plain));
        return facts;
    }

    private static String named(EntityManagerFactory factory, String name, String jpql, int first, int max) {
        EntityManager em = factory.createEntityManager();
        try {
            Query query = em.createQuery(jpql).setHint(QueryHints.QUERY_RESULTS_CACHE, "true");
            if (first >= 0) {
                query.setFirstResult(first).setMaxResults(max);
            }
            factory.addNamedQuery(name, query);
            return name;
        } finally {
            em.close();
        }
    }

    private static Fact repeat(BenchDatabase database, String usage, Contender cache, Function<EntityManager, Integer> run) {
        cache.invalidate();
        List<String> perRun = new ArrayList<>();
        String error = null;
        for (int i = 0; i < REPEATS && error == null; i++) {
            long before = CountingDataSource.executed();
            EntityManager em = cache.factory().createEntityManager();
            try {
                run.apply(em);
                perRun.add(String.valueOf(CountingDataSource.executed() - before));
            } catch (RuntimeException e) {
                error = "execution " + (i + 1) + " throws " + Workload.describe(e);
            } finally {
                em.close();
            }
        }
        String statements = "statements per execution: " + String.join(", ", perRun);
        String verdict = error != null ? error
                : perRun.subList(1, perRun.size()).stream().allMatch("0"::equals) ? "hits after the first execution"
                : "never hits";
        return new Fact(database, usage, verdict + " (" + statements + ")");
    }

    /** A dynamic query with the hint, run many times: hits? and the time of the first and last executions. */
    private static Fact dynamic(BenchDatabase database, Contender cache, Contender plain) {
        String jpql = "SELECT i FROM Item i WHERE i.id <= 3";
        cache.invalidate();
        double[] withHint = times(cache, jpql, true);
        double[] without = times(plain, jpql, false);
        long before = CountingDataSource.executed();
        EntityManager em = cache.factory().createEntityManager();
        try {
            em.createQuery(jpql).setHint(QueryHints.QUERY_RESULTS_CACHE, "true").getResultList();
        } finally {
            em.close();
        }
        long statements = CountingDataSource.executed() - before;
        return new Fact(database, "dynamic JPQL query with the hint, " + DYNAMIC_RUNS + " executions",
                (statements == 0 ? "hits" : "never hits (" + statements + " statement(s) on execution " + (DYNAMIC_RUNS + 1) + ")")
                        + String.format("; mean µs per execution, first 100 → last 100: %.0f → %.0f with the hint,"
                                + " %.0f → %.0f without it (EclipseLink alone)", withHint[0], withHint[1], without[0], without[1]));
    }

    private static double[] times(Contender contender, String jpql, boolean hint) {
        long[] nanos = new long[DYNAMIC_RUNS];
        for (int i = 0; i < DYNAMIC_RUNS; i++) {
            long start = System.nanoTime();
            EntityManager em = contender.factory().createEntityManager();
            try {
                Query query = em.createQuery(jpql);
                if (hint) {
                    query.setHint(QueryHints.QUERY_RESULTS_CACHE, "true");
                }
                query.getResultList();
            } finally {
                em.close();
            }
            nanos[i] = System.nanoTime() - start;
        }
        double first = 0;
        double last = 0;
        for (int i = 0; i < 100; i++) {
            first += nanos[i] / 1_000.0;
            last += nanos[DYNAMIC_RUNS - 100 + i] / 1_000.0;
        }
        return new double[] {first / 100, last / 100};
    }
}
