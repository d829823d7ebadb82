package io.cachalot.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;

/**
 * A contender's queries with its ORM's read-only hint ({@code eclipselink.read-only}, {@code org.hibernate.readOnly}):
 * the entities are not registered for change tracking. Reported next to, never instead of, the plain numbers.
 */
final class ReadOnlyContender implements Contender {

    private final Contender delegate;
    private final String hint;

    ReadOnlyContender(Contender delegate) {
        this.delegate = delegate;
        this.hint = delegate.orm().equals("Hibernate") ? org.hibernate.jpa.HibernateHints.HINT_READ_ONLY
                : org.eclipse.persistence.config.QueryHints.READ_ONLY;
    }

    @Override
    public String label() {
        return delegate.label() + " read-only";
    }

    @Override
    public String orm() {
        return delegate.orm();
    }

    @Override
    public EntityManagerFactory factory() {
        return delegate.factory();
    }

    @Override
    public Query query(EntityManager em, String name, String jpql, boolean batchFetch) {
        return delegate.query(em, name, jpql, batchFetch).setHint(hint, true);
    }

    @Override
    public void invalidate() {
        delegate.invalidate();
    }

    @Override
    public boolean caches() {
        return delegate.caches();
    }

    /** The delegate owns the factory. */
    @Override
    public void close() {
    }
}
