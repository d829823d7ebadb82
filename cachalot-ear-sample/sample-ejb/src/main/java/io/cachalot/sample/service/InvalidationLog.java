package io.cachalot.sample.service;

import io.cachalot.PostInvalidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The application's observer of cachalot's {@link PostInvalidation} CDI events (fired after each commit,
 * once per written table). Keeps the most recent ones for the stats page.
 */
@ApplicationScoped
public class InvalidationLog {

    private static final int KEPT = 200;

    private final Deque<Received> received = new ArrayDeque<>();
    private long count;

    /** One event as received: its number (the count after it) and the thread that delivered it. */
    public record Received(long number, PostInvalidation event, String thread) {
    }

    void record(@Observes PostInvalidation event) {
        synchronized (received) {
            received.addLast(new Received(++count, event, Thread.currentThread().getName()));
            if (received.size() > KEPT) {
                received.removeFirst();
            }
        }
    }

    /** Events received since the application started. */
    public long count() {
        synchronized (received) {
            return count;
        }
    }

    /** The events received after {@link #count()} returned {@code mark}, oldest first. */
    public List<PostInvalidation> since(long mark) {
        List<PostInvalidation> events = new ArrayList<>();
        synchronized (received) {
            for (Received each : received) {
                if (each.number() > mark) {
                    events.add(each.event());
                }
            }
        }
        return events;
    }

    /** The last {@code n} events, the most recent first. */
    public List<Received> recent(int n) {
        List<Received> events = new ArrayList<>(n);
        synchronized (received) {
            var newestFirst = received.descendingIterator();
            while (newestFirst.hasNext() && events.size() < n) {
                events.add(newestFirst.next());
            }
        }
        return events;
    }
}
