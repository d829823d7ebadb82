package io.cachalot;

import io.cachalot.eclipselink.CachalotSessionCustomizer;
import io.cachalot.eclipselink.CachalotUnits;
import io.cachalot.engine.QueryCacheEngine;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.jpa.JpaQuery;
import org.eclipse.persistence.sessions.Session;

/**
 * Cachalot's API for one persistence unit.
 *
 * <pre>{@code
 * Cachalot cachalot = Cachalot.of(entityManagerFactory);
 * cachalot.invalidate("book", Author.class);        // tables, entity classes or entity names
 * Optional<Instant> at = cachalot.lastInvalidation("book");
 * try (DisabledScope off = cachalot.disable()) { ... } // this thread reads from the database
 * }</pre>
 *
 * <p>Tables are named as in SQL: unquoted names follow the database's case rules. Every method throws
 * {@link IllegalArgumentException} for a name that is neither a table nor an entity of the unit.
 */
public final class Cachalot {

    private final Supplier<Session> unit;

    private Cachalot(Supplier<Session> unit) {
        this.unit = unit;
    }

    /**
     * The API of the unit behind this factory (starting the unit if it has not started yet).
     *
     * @throws IllegalStateException if cachalot is not installed in that unit
     */
    public static Cachalot of(EntityManagerFactory entityManagerFactory) {
        Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        Session session = entityManagerFactory.unwrap(JpaEntityManagerFactory.class).getDatabaseSession();
        return ofSession(session);
    }

    /**
     * The API of the unit behind this EclipseLink session. (Not an overload of {@link #of}: code that calls
     * {@code of(emf)} then compiles without EclipseLink on its class path, as in a Jakarta EE module.)
     *
     * @throws IllegalStateException if cachalot is not installed in that session
     */
    public static Cachalot ofSession(Session session) {
        Objects.requireNonNull(session, "session");
        engineOf(session);
        return new Cachalot(() -> session);
    }

    /**
     * The API of the persistence unit of this name, found when a method is called rather than now: usable
     * before the unit starts (for injection), and following the unit if it restarts.
     *
     * @param persistenceUnit a unit name, or null for the only unit running cachalot
     */
    public static Cachalot forUnit(String persistenceUnit) {
        return new Cachalot(() -> {
            if (persistenceUnit != null) {
                return CachalotUnits.find(persistenceUnit).orElseThrow(() -> new IllegalStateException(
                        "No started persistence unit named '" + persistenceUnit + "' runs cachalot (started: "
                                + CachalotUnits.names() + ")"));
            }
            Set<String> names = CachalotUnits.names();
            if (names.size() != 1) {
                throw new IllegalStateException("Name the persistence unit: " + (names.isEmpty()
                        ? "no unit running cachalot has started" : "several units run cachalot: " + names));
            }
            return CachalotUnits.find(names.iterator().next()).orElseThrow();
        });
    }

    private static QueryCacheEngine engineOf(Session session) {
        QueryCacheEngine engine = CachalotSessionCustomizer.engineOf(session);
        if (engine == null) {
            throw new IllegalStateException("cachalot is not installed in persistence unit " + session.getName()
                    + ": add <property name=\"eclipselink.session.customizer\" value=\""
                    + CachalotSessionCustomizer.class.getName() + "\"/> to its persistence.xml");
        }
        return engine;
    }

    private Session session() {
        return unit.get();
    }

    private QueryCacheEngine engine() {
        return engineOf(unit.get());
    }

    /** The persistence unit's name. */
    public String persistenceUnit() {
        return engine().unitName();
    }

    /** The tables this unit knows (mapped, join, element-collection and additional tables). */
    public Set<String> tables() {
        return engine().knownTables();
    }

    /**
     * Invalidates tables now: results reading any of them are no longer served, on every node.
     *
     * @param tablesOrEntities table names, entity names ({@code String}) or entity classes; none means every
     *        table of the unit
     */
    public void invalidate(Object... tablesOrEntities) {
        engine().invalidate(tables(tablesOrEntities));
    }

    /**
     * When any of these tables was last invalidated (empty if never); with none, any table of the unit.
     */
    public Optional<Instant> lastInvalidation(Object... tablesOrEntities) {
        return engine().lastInvalidation(tables(tablesOrEntities));
    }

    /**
     * A short text that changes whenever any of these tables is invalidated: a key for caches of things
     * derived from them (rendered fragments, computed values).
     */
    public String versionTag(Object... tablesOrEntities) {
        return engine().versionTag(tables(tablesOrEntities));
    }

    /** Until closed, this thread reads straight from the database, in every unit. Writes still invalidate. */
    public DisabledScope disable() {
        return QueryCacheEngine.disableOnThisThread();
    }

    /** Hits, misses, stores and invalidations since the unit started, in total and per table. */
    public CacheStats stats() {
        return engine().stats();
    }

    /** The bounded cache of rendered template fragments, in this unit's store. */
    public FragmentCache fragments() {
        return engine().fragments();
    }

    /** Tells {@code listener} of every invalidation, after the commit that caused it. */
    public void addListener(Consumer<PostInvalidation> listener) {
        engine().addListener(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<PostInvalidation> listener) {
        engine().removeListener(listener);
    }

    /**
     * Makes this query skip the cache: it always reads from the database. (EclipseLink discards query
     * hints it does not know, so {@code setHint("cachalot.cache", false)} cannot carry this.)
     *
     * @return the same query
     */
    public static <Q extends Query> Q uncached(Q query) {
        // JpaQuery.getDatabaseQuery() first copies the query EclipseLink shares between all queries of the same
        // text or name, so the mark stays on this query alone.
        query.unwrap(JpaQuery.class).getDatabaseQuery().setProperty(CachalotProperties.QUERY_CACHE, Boolean.FALSE);
        return query;
    }

    private Set<String> tables(Object... tablesOrEntities) {
        return CachalotSessionCustomizer.tableNamesOf(session()).resolve(tablesOrEntities);
    }
}
