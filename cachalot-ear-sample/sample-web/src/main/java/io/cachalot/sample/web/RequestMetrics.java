package io.cachalot.sample.web;

import io.cachalot.sample.jdbc.SqlCounter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * What a page shows about its own request: the SQL statements that reached the database while it was
 * handled, and how long it took. Read when the footer is rendered, so it covers the whole page.
 */
public final class RequestMetrics {

    static final String ATTRIBUTE = "metrics";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final long startNanos = System.nanoTime();
    private final long startStatements = SqlCounter.onThisThread();

    /** Statements executed on this request's thread since it started. */
    public long statements() {
        return SqlCounter.onThisThread() - startStatements;
    }

    public long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The current time, shown inside cached fragments: it stays the same as long as the fragment is served from the cache. */
    public String now() {
        return LocalTime.now().format(TIME);
    }
}
