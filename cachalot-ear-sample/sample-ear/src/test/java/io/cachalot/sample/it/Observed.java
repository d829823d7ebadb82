package io.cachalot.sample.it;

import io.cachalot.sample.jdbc.SqlCounter;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A value read by the tests, with the number of SQL statements its reading sent to the database (counted on
 * the reading thread by the sample's data source).
 */
record Observed<T>(T value, long statements) {

    /** Reads on this thread. */
    static <T> Observed<T> read(Supplier<T> reader) {
        long before = SqlCounter.onThisThread();
        T value = reader.get();
        return new Observed<>(value, SqlCounter.onThisThread() - before);
    }

    /** Reads on another thread of the server (no transaction there), and waits for it. */
    static <T> Observed<T> readConcurrently(Supplier<T> reader) {
        try {
            ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
            return executor.submit(() -> read(reader)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The concurrent read failed", e);
        }
    }

    /**
     * Runs {@code check} at the end of the current JTA transaction, before it commits: an interposed
     * synchronization's {@code beforeCompletion}, after the persistence context was flushed.
     */
    static void beforeCommit(Runnable check) {
        try {
            TransactionSynchronizationRegistry registry =
                    InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    check.run();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
