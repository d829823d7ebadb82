package io.cachalot.sample.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements that reached the database through {@link CountingDataSource}: in total, on the
 * current thread, and the text of the most recent ones. A statement counts once per execution (a JDBC batch
 * counts once); a read served by cachalot never gets here.
 */
public final class SqlCounter {

    private static final int KEPT = 500;
    private static final AtomicLong TOTAL = new AtomicLong();
    private static final ThreadLocal<long[]> ON_THREAD = ThreadLocal.withInitial(() -> new long[1]);
    private static final Deque<Executed> RECENT = new ArrayDeque<>();

    /** One statement execution: its number (the total after it) and its SQL. */
    public record Executed(long number, String sql) {
    }

    private SqlCounter() {
    }

    static void executed(String sql) {
        ON_THREAD.get()[0]++;
        synchronized (RECENT) {
            RECENT.addLast(new Executed(TOTAL.incrementAndGet(), sql));
            if (RECENT.size() > KEPT) {
                RECENT.removeFirst();
            }
        }
    }

    /** Statements executed since the server started. */
    public static long total() {
        return TOTAL.get();
    }

    /** Statements executed by the current thread since it started. */
    public static long onThisThread() {
        return ON_THREAD.get()[0];
    }

    /** The SQL of the statements executed after {@code total()} returned {@code mark} (the most recent ones only). */
    public static List<String> since(long mark) {
        List<String> statements = new ArrayList<>();
        synchronized (RECENT) {
            for (Executed executed : RECENT) {
                if (executed.number() > mark) {
                    statements.add(executed.sql());
                }
            }
        }
        return statements;
    }

    /** The last {@code count} statements, the most recent first. */
    public static List<Executed> recent(int count) {
        List<Executed> statements = new ArrayList<>(count);
        synchronized (RECENT) {
            var newestFirst = RECENT.descendingIterator();
            while (newestFirst.hasNext() && statements.size() < count) {
                statements.add(newestFirst.next());
            }
        }
        return statements;
    }
}
