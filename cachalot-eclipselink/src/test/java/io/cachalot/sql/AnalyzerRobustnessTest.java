package io.cachalot.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.sql.StatementInfo.Kind;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Memoisation, thread safety, and SQL that parsers find hard. */
class AnalyzerRobustnessTest {

    private static final Set<String> LIBRARY = Set.of("book", "author");

    private final SqlAnalyzer analyzer = new SqlAnalyzer(IdentifierCase.LOWER, LIBRARY, Set.of(), Set.of(), false);

    @Test
    void sameSqlIsAnalysedOnce() {
        StatementInfo first = analyzer.analyze("SELECT * FROM book WHERE id = ?");

        assertThat(analyzer.analyze("SELECT * FROM book WHERE id = ?")).isSameAs(first);
        assertThat(analyzer.analyze(new String("SELECT * FROM book WHERE id = ?"))).isSameAs(first);
        assertThat(analyzer.analyze("SELECT * FROM book WHERE id = ? ")).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void unparsableSqlIsMemoisedToo() {
        StatementInfo first = analyzer.analyze("SELECT ~~~ FROM");

        assertThat(analyzer.analyze("SELECT ~~~ FROM")).isSameAs(first);
    }

    @Test
    void analysersDoNotShareTheirMemo() {
        SqlAnalyzer other = new SqlAnalyzer(IdentifierCase.LOWER, Set.of("book"), Set.of(), Set.of("book"), false);

        assertThat(analyzer.analyze("SELECT * FROM book").cachable()).isTrue();
        assertThat(other.analyze("SELECT * FROM book").cachable()).isFalse();
    }

    @Test
    void concurrentAnalysesOfOneSqlAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<StatementInfo> task = () -> analyzer.analyze("SELECT b.* FROM book b JOIN author a ON a.id = b.author_id");
            var futures = pool.invokeAll(java.util.Collections.nCopies(32, task));
            for (Future<StatementInfo> future : futures) {
                assertThat(future.get().tables()).containsExactlyInAnyOrder("book", "author");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tooDeeplyNestedReadIsAnalysedOrLeftUncachedButNeverFails() throws Exception {
        String sql = "SELECT * FROM book WHERE id = 0" + orChain(5_000);

        StatementInfo info = onSmallStack(() -> analyzer.analyze(sql));

        assertThat(info.kind()).isEqualTo(Kind.READ);
        if (info.cachable()) {
            assertThat(info.tables()).containsExactly("book");
        }
    }

    @Test
    void tooDeeplyNestedWriteIsAnalysedOrInvalidatesEverythingButNeverFails() throws Exception {
        String sql = "DELETE FROM book WHERE id = 0" + orChain(5_000);

        StatementInfo info = onSmallStack(() -> analyzer.analyze(sql));

        assertThat(info.kind()).isIn(Kind.WRITE_UNKNOWN, Kind.WRITE);
        if (info.kind() == Kind.WRITE) {
            assertThat(info.tables()).containsExactly("book");
        }
    }

    @Test
    void unparsableSqlLeavesNoThreadBehind() {
        analyzer.analyze("SELECT ~~~ FROM warm_up");
        long before = liveNonDaemonThreads();

        for (int i = 0; i < 20; i++) {
            analyzer.analyze("SELECT ~~~ FROM broken_" + i);
        }

        assertThat(liveNonDaemonThreads()).isLessThanOrEqualTo(before);
    }

    private static String orChain(int terms) {
        return IntStream.range(1, terms).mapToObj(i -> " OR id = " + i).collect(Collectors.joining());
    }

    /** Runs {@code work} on a thread with a small stack, as application server threads may have. */
    private static StatementInfo onSmallStack(Callable<StatementInfo> work) throws Exception {
        FutureTask<StatementInfo> task = new FutureTask<>(work);
        Thread thread = new Thread(null, task, "small-stack", 256 * 1024);
        thread.start();
        return task.get(60, TimeUnit.SECONDS);
    }

    private static long liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).count();
    }
}
