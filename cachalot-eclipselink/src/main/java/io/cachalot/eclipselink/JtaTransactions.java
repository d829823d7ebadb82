package io.cachalot.eclipselink;

import io.cachalot.engine.QueryCacheEngine;
import io.cachalot.engine.TransactionState;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Per-transaction state under JTA, kept as a resource of the global transaction. Its interposed
 * synchronization invalidates the written tables after the transaction committed and discards them
 * otherwise: EclipseLink's own events fire before the database commit under JTA, and not at all for a
 * rollback without a flush.
 */
final class JtaTransactions {

    static final String REGISTRY_JNDI = "java:comp/TransactionSynchronizationRegistry";
    private static final System.Logger LOG = System.getLogger(JtaTransactions.class.getName());

    private final QueryCacheEngine engine;
    private final TransactionSynchronizationRegistry registry;
    private final Object resourceKey = new Object();

    private JtaTransactions(QueryCacheEngine engine, TransactionSynchronizationRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    /** Finds the registry in JNDI; an unavailable one when there is none (writes then commit at EclipseLink's events). */
    static JtaTransactions lookup(QueryCacheEngine engine) {
        try {
            Object found = new InitialContext().lookup(REGISTRY_JNDI);
            if (found instanceof TransactionSynchronizationRegistry registry) {
                return new JtaTransactions(engine, registry);
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "cachalot: unit " + engine.unitName() + " uses JTA but " + REGISTRY_JNDI
                    + " cannot be found; invalidating at EclipseLink's commit event instead", e);
        }
        return new JtaTransactions(engine, null);
    }

    boolean isAvailable() {
        return registry != null;
    }

    /** Whether a global transaction is open on this thread. */
    boolean isActive() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK
                || status == Status.STATUS_PREPARING || status == Status.STATUS_PREPARED;
    }

    /** This transaction's state; created, with its synchronization, at the first write when asked. */
    TransactionState current(boolean create) {
        TransactionState state = (TransactionState) registry.getResource(resourceKey);
        if (state == null && create) {
            TransactionState created = new TransactionState();
            registry.putResource(resourceKey, created);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        engine.commit(created);
                    }
                }
            });
            state = created;
        }
        return state;
    }
}
