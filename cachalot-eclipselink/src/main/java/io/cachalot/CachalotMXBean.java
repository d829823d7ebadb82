package io.cachalot;

/**
 * The management view of one persistence unit, registered as {@code io.cachalot:type=Cachalot,unit=<name>}
 * on the platform MBean server while the unit runs (jconsole, VisualVM, any JMX client): the counterpart of
 * django-cachalot's {@code invalidate_cachalot} command and debug panel.
 */
public interface CachalotMXBean {

    String getPersistenceUnit();

    long getHits();

    long getMisses();

    long getStores();

    long getInvalidations();

    long getUncachable();

    double getHitRatio();

    /** The tables the unit knows. */
    String[] getTables();

    /** Invalidates the comma-separated tables or entity names. */
    void invalidate(String tablesOrEntities);

    /** Invalidates every table of the unit. */
    void invalidateAll();
}
