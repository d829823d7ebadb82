package io.cachalot.eclipselink;

import io.cachalot.Cachalot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.persistence.sessions.Session;

/**
 * The units of this class loader in which cachalot runs, by persistence-unit name, and the problems of those
 * that failed to start. Lets integrations (CDI) find units whether they start before or after them.
 */
public final class CachalotUnits {

    private static final Map<String, Session> STARTED = new ConcurrentHashMap<>();
    private static final Map<String, RuntimeException> FAILED = new ConcurrentHashMap<>();
    private static final List<Consumer<Cachalot>> START_LISTENERS = new CopyOnWriteArrayList<>();

    private CachalotUnits() {
    }

    /** The started unit of this name. */
    public static Optional<Session> find(String unitName) {
        return Optional.ofNullable(STARTED.get(unitName));
    }

    /** Names of the started units. */
    public static Set<String> names() {
        return Set.copyOf(STARTED.keySet());
    }

    /** Configuration problems of units that failed to start, by unit (or session) name. */
    public static Map<String, RuntimeException> failures() {
        return Map.copyOf(FAILED);
    }

    /** Tells {@code listener} of every unit started from now on, and of those already started. */
    public static void onStart(Consumer<Cachalot> listener) {
        START_LISTENERS.add(listener);
        STARTED.values().forEach(session -> listener.accept(Cachalot.ofSession(session)));
    }

    /** Stops telling {@code listener}. */
    public static void removeStartListener(Consumer<Cachalot> listener) {
        START_LISTENERS.remove(listener);
    }

    static void started(String unitName, Session session) {
        FAILED.remove(unitName);
        STARTED.put(unitName, session);
        Cachalot cachalot = Cachalot.ofSession(session);
        START_LISTENERS.forEach(listener -> listener.accept(cachalot));
    }

    static void stopped(String unitName, Session session) {
        STARTED.remove(unitName, session);
    }

    static void failed(String unitName, RuntimeException problem) {
        FAILED.put(unitName, problem);
    }
}
