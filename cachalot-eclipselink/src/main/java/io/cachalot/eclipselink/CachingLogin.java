package io.cachalot.eclipselink;

import io.cachalot.engine.QueryCacheEngine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.DatabaseLogin;

/**
 * A copy of an application's {@link DatabaseLogin} whose connections are {@link CachingAccessor}s.
 * This is where cachalot meets EclipseLink's internal API: keep it small.
 */
final class CachingLogin extends DatabaseLogin {

    private static final long serialVersionUID = 1L;

    private final transient QueryCacheEngine engine;
    private final transient TransactionTracker transactions;

    private CachingLogin(QueryCacheEngine engine, TransactionTracker transactions) {
        this.engine = engine;
        this.transactions = transactions;
    }

    /** A login with every setting of {@code original} that builds caching accessors. */
    static CachingLogin wrap(DatabaseLogin original, QueryCacheEngine engine, TransactionTracker transactions) {
        CachingLogin login = new CachingLogin(engine, transactions);
        for (Class<?> type = DatabaseLogin.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    copy(field, original, login);
                }
            }
        }
        return login;
    }

    private static void copy(Field field, Object from, Object to) {
        try {
            field.setAccessible(true);
            field.set(to, field.get(from));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cachalot cannot copy the EclipseLink login setting '" + field.getName()
                    + "'; this EclipseLink version is not supported", e);
        }
    }

    @Override
    public Accessor buildAccessor() {
        return new CachingAccessor(engine, transactions);
    }
}
