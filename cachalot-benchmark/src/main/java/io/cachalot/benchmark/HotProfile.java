package io.cachalot.benchmark;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of a Hot run goes: runs every query in turn, a new EntityManager each, under a JFR recording of
 * CPU samples, and sorts each sample of the benchmark thread into a kind of work. A sample goes to the first
 * kind that one of its frames matches, from the innermost frame out (so a map lookup made while EclipseLink
 * builds an object counts as object building).
 */
final class HotProfile {

    /** One kind of work and its share of the samples. */
    record Share(String kind, double percent) {
    }

    private record Kind(String name, Predicate<RecordedFrame> matches) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("cachalot: store lookup (Infinispan, tokens and entry)",
                    frame -> type(frame).startsWith("org.infinispan.") || type(frame).startsWith("io.cachalot.store.")),
            new Kind("cachalot: copying cached rows out into EclipseLink records",
                    frame -> type(frame).startsWith("io.cachalot.engine.ValueCopier")
                            || (type(frame).startsWith("io.cachalot.eclipselink.") && method(frame).matches("rebuild|copyOut"))),
            new Kind("cachalot: SQL analysis (memoised), key, statistics, accessor",
                    frame -> type(frame).startsWith("io.cachalot.") && !type(frame).startsWith("io.cachalot.benchmark.")),
            new Kind("EclipseLink: query preparation (SQL printed again for each paged execution)",
                    frame -> eclipseLink(frame) && method(frame).matches("checkPrepare|prepare|prepareCall|prepareForExecution"
                            + "|prepareSelectAllRows|prepareSelectOneRow|prepareReportQuery.*|computeBatchReadMappingQueries")),
            new Kind("EclipseLink: building objects, registering them in the unit of work",
                    frame -> type(frame).endsWith(".ObjectBuilder") || type(frame).contains("changetracking")
                            || type(frame).contains("IdentityMap") || method(frame).matches("register.*|buildObject.*|conform.*")),
            new Kind("EclipseLink: lazy and batch loading (value holders)",
                    frame -> eclipseLink(frame) && (type(frame).contains("ValueHolder") || type(frame).contains("Indirect")
                            || method(frame).startsWith("extractResultFromBatchQuery"))),
            new Kind("EclipseLink: opening and closing the EntityManager and its unit of work",
                    frame -> eclipseLink(frame) && (method(frame).matches("createEntityManager.*|close|release|clearForClose"
                            + "|acquire.*UnitOfWork|getActivePersistenceContext|<init>")
                            && (type(frame).contains("EntityManager") || type(frame).contains("UnitOfWork")))),
            new Kind("EclipseLink: JPA query objects (create, hints, parameters, row window)",
                    frame -> eclipseLink(frame) && type(frame).contains(".jpa.") && method(frame).matches(
                            "createQuery|createNamedQuery|setHint.*|setParameter.*|setFirstResult|setMaxResults|<init>"
                                    + "|getDatabaseQueryInternal|processParameters|propagateResultProperties")),
            new Kind("EclipseLink: other", HotProfile::eclipseLink),
            new Kind("the benchmark's reading of the results, JDK and other", frame -> true));

    private HotProfile() {
    }

    static List<Share> run(Contender contender, int seconds) throws IOException {
        Path file = Files.createTempFile("cachalot-hot", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.start();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                for (BenchQuery query : BenchQuery.values()) {
                    EntityManager em = contender.factory().createEntityManager();
                    try {
                        query.run(contender, em);
                    } catch (RuntimeException e) {
                        // a failing query is reported by the measurements; the profile goes on
                    } finally {
                        em.close();
                    }
                }
            }
            recording.stop();
            recording.dump(file);
        }
        try {
            return shares(file, Thread.currentThread().getName());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Share> shares(Path file, String thread) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind.name(), 0));
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !thread.equals(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            total++;
            counts.merge(classify(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            shares.add(new Share(count.getKey(), total == 0 ? 0 : 100.0 * count.getValue() / total));
        }
        return shares;
    }

    private static String classify(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            for (Kind kind : KINDS.subList(0, KINDS.size() - 2)) {
                if (kind.matches().test(frame)) {
                    return kind.name();
                }
            }
        }
        for (RecordedFrame frame : frames) {
            if (eclipseLink(frame)) {
                return KINDS.get(KINDS.size() - 2).name();
            }
        }
        return KINDS.get(KINDS.size() - 1).name();
    }

    private static boolean eclipseLink(RecordedFrame frame) {
        return type(frame).startsWith("org.eclipse.persistence.");
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getName();
    }
}
