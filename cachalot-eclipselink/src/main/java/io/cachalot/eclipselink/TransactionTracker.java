package io.cachalot.eclipselink;

import io.cachalot.engine.QueryCacheEngine;
import io.cachalot.engine.TransactionState;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Keeps each open transaction's written tables and invalidates them when it commits.
 *
 * <p>RESOURCE_LOCAL: the state is a property of the client session that owns the transaction, published
 * at {@code postCommitTransaction} and dropped at {@code postRollbackTransaction}. JTA: the state is a
 * resource of the global transaction, published by an interposed synchronization after it committed.
 */
final class TransactionTracker extends SessionEventAdapter {

    private static final String STATE_PROPERTY = "io.cachalot.transaction";

    private final QueryCacheEngine engine;
    private volatile JtaTransactions jta;

    TransactionTracker(QueryCacheEngine engine) {
        this.engine = engine;
    }

    /** The open transaction's writes as seen by a read on {@code session}, or null. */
    TransactionState forRead(AbstractSession session) {
        JtaTransactions global = jtaOf(session);
        if (global != null && global.isActive()) {
            return global.current(false);
        }
        return (TransactionState) owner(session).getProperty(STATE_PROPERTY);
    }

    /**
     * The state a write on {@code session} must be recorded in; null when the write runs outside any
     * transaction (autocommit) and must be invalidated as soon as it ran.
     */
    TransactionState forWrite(AbstractSession session, boolean connectionInTransaction) {
        JtaTransactions global = jtaOf(session);
        if (global != null && global.isActive()) {
            return global.current(true);
        }
        AbstractSession owner = owner(session);
        if (!connectionInTransaction && !owner.isInTransaction()) {
            return null;
        }
        TransactionState state = (TransactionState) owner.getProperty(STATE_PROPERTY);
        if (state == null) {
            state = new TransactionState();
            owner.setProperty(STATE_PROPERTY, state);
        }
        return state;
    }

    @Override
    public void postCommitTransaction(SessionEvent event) {
        TransactionState state = take(event);
        if (state != null) {
            engine.commit(state);
        }
    }

    @Override
    public void postRollbackTransaction(SessionEvent event) {
        take(event);
    }

    private static TransactionState take(SessionEvent event) {
        AbstractSession owner = owner((AbstractSession) event.getSession());
        TransactionState state = (TransactionState) owner.getProperty(STATE_PROPERTY);
        if (state != null) {
            owner.removeProperty(STATE_PROPERTY);
        }
        return state;
    }

    private JtaTransactions jtaOf(AbstractSession session) {
        if (!session.getDatasourceLogin().shouldUseExternalTransactionController()) {
            return null;
        }
        JtaTransactions global = jta;
        if (global == null) {
            global = JtaTransactions.lookup(engine);
            jta = global;
        }
        return global.isAvailable() ? global : null;
    }

    /** The session that owns the transaction: the client (or database) session under any unit of work. */
    private static AbstractSession owner(AbstractSession session) {
        AbstractSession owner = session;
        while (owner.isUnitOfWork()) {
            owner = ((UnitOfWorkImpl) owner).getParent();
        }
        return owner;
    }
}
