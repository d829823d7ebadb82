package io.cachalot.benchmark;

import io.cachalot.CachalotProperties;
import org.infinispan.manager.DefaultCacheManager;

/**
 * The second node of the benchmark's two-node cluster: an Infinispan node started from cachalot's shipped
 * cachalot-cluster.xml, holding the replicated caches, in its own JVM. Prints {@code READY} once started and
 * {@code JOINED <members>} whenever the cluster view changes; ends when its standard input closes.
 */
public final class ClusterPeerMain {

    private ClusterPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        DefaultCacheManager manager = new DefaultCacheManager(ClusterPeer.CONFIG);
        manager.getCache(CachalotProperties.TABLES_CACHE);
        manager.getCache(CachalotProperties.RESULTS_CACHE);
        manager.getCache(CachalotProperties.FRAGMENTS_CACHE);
        manager.addListener(new ViewPrinter());
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the benchmark to close our standard input
        }
        manager.stop();
    }

    @org.infinispan.notifications.Listener
    public static final class ViewPrinter {
        @org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged
        public void viewChanged(org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent event) {
            System.out.println("JOINED " + event.getNewMembers().size());
            System.out.flush();
        }
    }
}
