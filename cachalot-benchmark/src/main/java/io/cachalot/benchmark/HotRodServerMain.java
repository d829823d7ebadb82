package io.cachalot.benchmark;

import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.server.core.admin.embeddedserver.EmbeddedServerAdminOperationHandler;
import org.infinispan.server.hotrod.HotRodServer;
import org.infinispan.server.hotrod.configuration.HotRodServerConfigurationBuilder;

/**
 * The remote store of the benchmark: a real Hot Rod server on 127.0.0.1 in its own JVM, started by
 * {@link HotRodServerProcess}. Arguments: Hot Rod port, JGroups port. Prints {@code READY} once it accepts
 * clients; ends when its standard input closes.
 */
public final class HotRodServerMain {

    private HotRodServerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("bench.hotrod.cluster.port", args[1]);
        DefaultCacheManager caches = new DefaultCacheManager("bench-hotrod-server.xml");
        HotRodServer server = new HotRodServer();
        server.start(new HotRodServerConfigurationBuilder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .adminOperationsHandler(new EmbeddedServerAdminOperationHandler()).build(), caches);
        server.postStart();
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input
        }
        server.stop();
        caches.stop();
    }
}
