package io.cachalot.remote;

import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.server.core.admin.embeddedserver.EmbeddedServerAdminOperationHandler;
import org.infinispan.server.hotrod.HotRodServer;
import org.infinispan.server.hotrod.configuration.HotRodServerConfigurationBuilder;

/**
 * A real Hot Rod server on 127.0.0.1 over a one-node clustered cache manager (as an Infinispan Server is),
 * run in its own JVM by {@link HotRodServerProcess}. Arguments: Hot Rod port, JGroups port.
 */
public final class HotRodServerMain {

    private HotRodServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        System.setProperty("hotrod.cluster.port", args[1]);
        DefaultCacheManager caches = new DefaultCacheManager("hotrod-server.xml");
        HotRodServer server = new HotRodServer();
        server.start(new HotRodServerConfigurationBuilder().host("127.0.0.1").port(port)
                .adminOperationsHandler(new EmbeddedServerAdminOperationHandler()).build(), caches);
        server.postStart();
        System.out.println("READY " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
