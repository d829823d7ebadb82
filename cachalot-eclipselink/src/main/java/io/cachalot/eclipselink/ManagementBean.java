package io.cachalot.eclipselink;

import io.cachalot.Cachalot;
import io.cachalot.CachalotMXBean;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers a unit's {@link CachalotMXBean} while it runs. */
final class ManagementBean implements CachalotMXBean {

    private static final System.Logger LOG = System.getLogger(ManagementBean.class.getName());

    private final Cachalot cachalot;
    private ObjectName name;

    private ManagementBean(Cachalot cachalot) {
        this.cachalot = cachalot;
    }

    /** Registers the bean of this unit; a second unit of the same name gets a numbered name. */
    static ManagementBean register(Cachalot cachalot) {
        ManagementBean bean = new ManagementBean(cachalot);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (int attempt = 1; attempt < 100 && bean.name == null; attempt++) {
            String unit = attempt == 1 ? cachalot.persistenceUnit() : cachalot.persistenceUnit() + "#" + attempt;
            try {
                ObjectName candidate = new ObjectName("io.cachalot:type=Cachalot,unit=" + ObjectName.quote(unit));
                if (!server.isRegistered(candidate)) {
                    server.registerMBean(bean, candidate);
                    bean.name = candidate;
                }
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.WARNING, "cachalot: cannot register the management bean of unit " + unit, e);
                return bean;
            }
        }
        return bean;
    }

    void unregister() {
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException | RuntimeException e) {
                LOG.log(Level.DEBUG, "cachalot: management bean " + name + " was already gone", e);
            }
            name = null;
        }
    }

    @Override
    public String getPersistenceUnit() {
        return cachalot.persistenceUnit();
    }

    @Override
    public long getHits() {
        return cachalot.stats().hits();
    }

    @Override
    public long getMisses() {
        return cachalot.stats().misses();
    }

    @Override
    public long getStores() {
        return cachalot.stats().stores();
    }

    @Override
    public long getInvalidations() {
        return cachalot.stats().invalidations();
    }

    @Override
    public long getUncachable() {
        return cachalot.stats().uncachable();
    }

    @Override
    public double getHitRatio() {
        return cachalot.stats().hitRatio();
    }

    @Override
    public String[] getTables() {
        return cachalot.tables().stream().sorted().toArray(String[]::new);
    }

    @Override
    public void invalidate(String tablesOrEntities) {
        Object[] names = Arrays.stream(tablesOrEntities.split(",")).map(String::strip)
                .filter(part -> !part.isEmpty()).toArray();
        if (names.length == 0) {
            throw new IllegalArgumentException("No table named; use invalidateAll() to invalidate every table");
        }
        cachalot.invalidate(names);
    }

    @Override
    public void invalidateAll() {
        cachalot.invalidate();
    }
}
