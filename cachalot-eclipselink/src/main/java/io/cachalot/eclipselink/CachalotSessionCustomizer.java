package io.cachalot.eclipselink;

import io.cachalot.Cachalot;
import io.cachalot.CachalotConfigurationException;
import io.cachalot.CachalotProperties;
import io.cachalot.engine.QueryCacheEngine;
import io.cachalot.engine.Settings;
import io.cachalot.sql.IdentifierCase;
import io.cachalot.sql.SqlAnalyzer;
import io.cachalot.store.CacheStore;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.internal.jpa.EntityManagerFactoryProvider;
import org.eclipse.persistence.internal.jpa.EntityManagerSetupImpl;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Turns cachalot on for a persistence unit:
 * {@code <property name="eclipselink.session.customizer" value="io.cachalot.eclipselink.CachalotSessionCustomizer"/>}.
 *
 * <p>Reads the {@code cachalot.*} properties (failing the unit's start on a bad value), opens the store,
 * makes every connection pool build caching accessors, tracks transactions, and then runs the
 * application's own customizer named by {@code cachalot.session.customizer}.
 */
public final class CachalotSessionCustomizer implements SessionCustomizer {

    /** The session property holding the unit's engine. */
    public static final String ENGINE_PROPERTY = "io.cachalot.engine";
    /** The session property holding what the API's table and entity names stand for in the unit. */
    private static final String TABLE_NAMES_PROPERTY = "io.cachalot.table-names";

    @Override
    public void customize(Session session) throws Exception {
        AbstractSession unit = (AbstractSession) session;
        if (unit.getProperty(ENGINE_PROPERTY) != null) {
            return;
        }
        Settings settings;
        SessionCustomizer application;
        CacheStore store;
        try {
            settings = Settings.from(name -> property(unit, name));
            application = applicationCustomizer(settings.sessionCustomizer());
            store = Stores.open(settings, unit.getName());
        } catch (RuntimeException e) {
            CachalotUnits.failed(unitName(unit), e);
            throw e;
        }
        QueryCacheEngine engine = new QueryCacheEngine(unitName(unit), settings, store);
        TransactionTracker transactions = new TransactionTracker(engine);
        installLogins(unit, engine, transactions);
        unit.getEventManager().addListener(transactions);
        unit.getEventManager().addListener(new Lifecycle(engine));
        unit.setProperty(TABLE_NAMES_PROPERTY, new TableNames(unit, engine));
        unit.setProperty(ENGINE_PROPERTY, engine);
        if (application != null) {
            application.customize(session);
        }
    }

    /** The engine of a session customized by cachalot, or null. */
    public static QueryCacheEngine engineOf(Session session) {
        return (QueryCacheEngine) session.getProperty(ENGINE_PROPERTY);
    }

    /** The table names of a session customized by cachalot, or null. */
    public static TableNames tableNamesOf(Session session) {
        return (TableNames) session.getProperty(TABLE_NAMES_PROPERTY);
    }

    private static Object property(AbstractSession session, String name) {
        Object value = session.getProperty(name);
        return value != null ? value : ConfigSources.lookup(name);
    }

    private static void installLogins(AbstractSession unit, QueryCacheEngine engine, TransactionTracker transactions) {
        Map<Login, CachingLogin> wrapped = new IdentityHashMap<>();
        Login sessionLogin = unit.getDatasourceLogin();
        unit.setLogin(wrap(sessionLogin, engine, transactions, wrapped));
        if (unit instanceof ServerSession server) {
            for (ConnectionPool pool : server.getConnectionPools().values()) {
                pool.setLogin(wrap(pool.getLogin(), engine, transactions, wrapped));
            }
            ConnectionPool readPool = server.getReadConnectionPool();
            if (readPool != null) {
                readPool.setLogin(wrap(readPool.getLogin(), engine, transactions, wrapped));
            }
        }
    }

    private static Login wrap(Login login, QueryCacheEngine engine, TransactionTracker transactions,
            Map<Login, CachingLogin> wrapped) {
        if (login instanceof CachingLogin || login == null) {
            return login;
        }
        if (!(login instanceof DatabaseLogin database)) {
            throw new CachalotConfigurationException("cachalot needs a JDBC DatabaseLogin; unit has "
                    + login.getClass().getName());
        }
        return wrapped.computeIfAbsent(login, original -> CachingLogin.wrap(database, engine, transactions));
    }

    /** The application's own customizer named by {@code cachalot.session.customizer}, or null. */
    private static SessionCustomizer applicationCustomizer(String className) {
        if (className == null) {
            return null;
        }
        Object customizer;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(className, true,
                    loader != null ? loader : CachalotSessionCustomizer.class.getClassLoader());
            customizer = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new CachalotConfigurationException("Invalid value '" + className + "' for property "
                    + CachalotProperties.SESSION_CUSTOMIZER + ": cannot instantiate it (" + e + ")", e);
        }
        if (!(customizer instanceof SessionCustomizer application)) {
            throw new CachalotConfigurationException("Invalid value '" + className + "' for property "
                    + CachalotProperties.SESSION_CUSTOMIZER + ": it is not a " + SessionCustomizer.class.getName());
        }
        return application;
    }

    /**
     * The name the unit is known by: the session name when {@code eclipselink.session-name} sets it, else the
     * persistence unit's name from its deployment, else the session name without the root URL EclipseLink
     * puts before it ({@code <root URL>_<unit name>}).
     */
    static String unitName(AbstractSession session) {
        String name = session.getName();
        if (name == null) {
            return "default";
        }
        if (session.getProperty(PersistenceUnitProperties.SESSION_NAME) != null) {
            return name;
        }
        try {
            EntityManagerSetupImpl setup = EntityManagerFactoryProvider.getEntityManagerSetupImpl(name);
            if (setup != null && setup.getPersistenceUnitInfo() != null) {
                return setup.getPersistenceUnitInfo().getPersistenceUnitName();
            }
        } catch (RuntimeException | LinkageError e) {
            // not deployed through JPA: fall back to the session name
        }
        int separator = name.lastIndexOf("/_");
        return separator >= 0 ? name.substring(separator + 2) : name;
    }

    /**
     * Starts the engine once the mappings are known (then registers the unit and its management bean), and
     * releases everything when the unit closes.
     */
    private static final class Lifecycle extends SessionEventAdapter {
        private final QueryCacheEngine engine;
        private ManagementBean managementBean;

        Lifecycle(QueryCacheEngine engine) {
            this.engine = engine;
        }

        @Override
        public void postLogin(SessionEvent event) {
            AbstractSession session = (AbstractSession) event.getSession();
            IdentifierCase identifierCase = KnownTables.identifierCase(session);
            Set<String> known = new LinkedHashSet<>(KnownTables.of(session, identifierCase));
            Settings settings = engine.settings();
            SqlAnalyzer names = new SqlAnalyzer(identifierCase, Set.of(), Set.of(), Set.of(), false);
            settings.additionalTables().forEach(table -> known.add(names.canonicalTable(table)));
            engine.start(new SqlAnalyzer(identifierCase, known, settings.onlyCachableTables(),
                    settings.uncachableTables(), settings.cacheRandom()));
            CachalotUnits.started(engine.unitName(), session);
            managementBean = ManagementBean.register(Cachalot.ofSession(session));
        }

        @Override
        public void preLogout(SessionEvent event) {
            if (managementBean != null) {
                managementBean.unregister();
            }
            CachalotUnits.stopped(engine.unitName(), event.getSession());
            engine.close();
        }
    }
}
