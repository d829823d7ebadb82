package io.cachalot.benchmark;

import io.cachalot.benchmark.Workload.Context;
import io.cachalot.benchmark.Workload.EmMode;
import io.cachalot.benchmark.Workload.Phase;
import io.cachalot.benchmark.Workload.Result;
import io.cachalot.remote.HotRodServerProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark and writes docs/benchmark.md and its charts: for each database, the seed's queries in
 * every context (EclipseLink alone, cachalot Cold and Hot on each store, EclipseLink's query-results cache,
 * Hibernate alone and with its query cache), then the freshness checks and the facts about EclipseLink's own
 * cache; then the JMH microbenchmarks of the hit path.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        BenchOptions options = BenchOptions.fromSystemProperties();
        Environment environment = Environment.capture();
        long started = System.nanoTime();
        log("cachalot benchmark: databases " + options.databases() + ", stores " + options.stores() + ", "
                + options.runs() + " runs, warm-up " + options.warmup() + (options.quick() ? " (quick)" : ""));
        log("load before: " + environment.loadBefore());
        Report report = new Report(options, environment);
        HotRodServerProcess server = null;
        ClusterPeer peer = null;
        try {
            if (options.stores().contains(BenchStore.REMOTE)) {
                log("starting the Hot Rod server JVM");
                server = new HotRodServerProcess().start();
            }
            if (options.stores().contains(BenchStore.CLUSTER)) {
                log("starting the second cluster node JVM");
                peer = ClusterPeer.start();
                peer.join();
            }
            for (BenchDatabase database : options.databases()) {
                runOn(database, options, server, peer, report);
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
            if (server != null) {
                server.close();
            }
        }
        environment.finishMacro((System.nanoTime() - started) / 1e9);
        if (options.jmh()) {
            log("JMH microbenchmarks");
            report.jmh(JmhRun.run(options));
        }
        environment.finish((System.nanoTime() - started) / 1e9);
        report.write();
        log("wrote " + options.output().resolve("benchmark.md") + " in " + Math.round(environment.seconds()) + " s");
    }

    private static void runOn(BenchDatabase database, BenchOptions options, HotRodServerProcess server, ClusterPeer peer,
            Report report) throws Exception {
        log(database.label() + ": loading the data");
        BenchData.load(database);
        report.environment().databaseVersion(database);
        List<Contender> contenders = new ArrayList<>();
        try {
            EclipseLinkContender plain = EclipseLinkContender.plain(database);
            contenders.add(plain);
            Map<BenchStore, EclipseLinkContender> cachalot = new LinkedHashMap<>();
            for (BenchStore store : options.stores()) {
                EclipseLinkContender contender = EclipseLinkContender.cachalot(database, store,
                        EclipseLinkContender.storeProperties(store, server == null ? null : server.servers()));
                cachalot.put(store, contender);
                contenders.add(contender);
            }
            EclipseLinkContender resultsCache = EclipseLinkContender.queryResultsCache(database);
            contenders.add(resultsCache);
            HibernateContender hibernate = HibernateContender.plain(database);
            contenders.add(hibernate);
            HibernateContender queryCache = HibernateContender.queryCache(database);
            contenders.add(queryCache);
            report.environment().weaving(Environment.woven(io.cachalot.benchmark.eclipselink.Item.class));

            List<Context> contexts = new ArrayList<>();
            contexts.add(new Context("EclipseLink", plain, Phase.CONTROL));
            cachalot.forEach((store, contender) -> contexts.add(new Context(contender.label() + " Hot", contender, Phase.HOT)));
            contexts.add(new Context("EclipseLink QRC Hot", resultsCache, Phase.HOT));
            contexts.add(new Context("Hibernate", hibernate, Phase.CONTROL));
            contexts.add(new Context("Hibernate QC Hot", queryCache, Phase.HOT));
            cachalot.forEach((store, contender) -> contexts.add(new Context(contender.label() + " Cold", contender, Phase.COLD)));
            contexts.add(new Context("EclipseLink QRC Cold", resultsCache, Phase.COLD));
            contexts.add(new Context("Hibernate QC Cold", queryCache, Phase.COLD));
            // supplementary: the same Hot reads with each ORM's read-only hint (reported beside the plain numbers)
            if (cachalot.containsKey(BenchStore.EMBEDDED)) {
                contexts.add(new Context(Report.CACHALOT_READ_ONLY, new ReadOnlyContender(cachalot.get(BenchStore.EMBEDDED)),
                        Phase.HOT));
            }
            contexts.add(new Context(Report.HIBERNATE_READ_ONLY, new ReadOnlyContender(queryCache), Phase.HOT));

            Workload workload = new Workload(database, contexts);
            log(database.label() + ": warm-up");
            workload.warmUp(options.globalWarmup());
            for (EmMode mode : EmMode.values()) {
                log(database.label() + ": measuring, " + mode.description());
                List<Result> results = workload.measure(mode, options.warmup(), options.runs());
                report.add(results);
            }
            cachalot.forEach((store, contender) -> report.cachalotStats(database, store, contender.cachalotStats()));
            if (cachalot.containsKey(BenchStore.EMBEDDED) && (database == BenchDatabase.POSTGRESQL
                    || !options.databases().contains(BenchDatabase.POSTGRESQL) && database == options.databases().get(0))) {
                log(database.label() + ": profiling cachalot embedded Hot (JFR)");
                report.profile(database, HotProfile.run(cachalot.get(BenchStore.EMBEDDED), options.quick() ? 8 : 15));
            }
            log(database.label() + ": EclipseLink query-results cache facts");
            report.facts(QueryResultsCacheFacts.check(database, resultsCache, plain));
            log(database.label() + ": freshness after writes");
            List<Contender> checked = new ArrayList<>();
            checked.add(cachalot.values().iterator().next());
            checked.add(queryCache);
            checked.add(resultsCache);
            report.freshness(Freshness.check(database, checked));
        } finally {
            for (Contender contender : contenders) {
                try {
                    contender.close();
                } catch (RuntimeException e) {
                    log("closing " + contender.label() + ": " + e);
                }
            }
        }
    }

    static void log(String message) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), message);
        System.out.flush();
    }
}
