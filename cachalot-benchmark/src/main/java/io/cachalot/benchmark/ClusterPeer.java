package io.cachalot.benchmark;

import io.cachalot.store.EmbeddedInfinispanStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The two-node cluster: this JVM is one node (through cachalot's store, configured by system properties), a
 * {@link ClusterPeerMain} JVM the other, both on 127.0.0.1 over JGroups TCP.
 */
final class ClusterPeer implements AutoCloseable {

    static final String CONFIG = "io/cachalot/infinispan/cachalot-cluster.xml";

    private final int peerPort;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Keeps this JVM's node up between the databases' units, so the cluster forms once. */
    private EmbeddedInfinispanStore localNode;

    private ClusterPeer(int peerPort, Process process) {
        this.peerPort = peerPort;
        this.process = process;
    }

    /** Starts the peer and sets this JVM's cluster properties; the cluster forms at {@link #join}. */
    static ClusterPeer start() throws IOException, InterruptedException {
        int localPort = freePort();
        int peerPort = freePort();
        String hosts = "127.0.0.1[" + localPort + "],127.0.0.1[" + peerPort + "]";
        String name = "cachalot-bench-" + localPort;
        System.setProperty("cachalot.cluster.port", String.valueOf(localPort));
        System.setProperty("cachalot.cluster.hosts", hosts);
        System.setProperty("cachalot.cluster.name", name);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                "-Dcachalot.cluster.port=" + peerPort, "-Dcachalot.cluster.hosts=" + hosts,
                "-Dcachalot.cluster.name=" + name, "-cp", System.getProperty("java.class.path"),
                ClusterPeerMain.class.getName());
        builder.redirectErrorStream(true);
        ClusterPeer peer = new ClusterPeer(peerPort, builder.start());
        peer.readLines();
        peer.await("READY", 120);
        return peer;
    }

    /** Starts this JVM's node (cachalot's shared cache manager of this configuration) and waits for the peer to see it. */
    void join() throws InterruptedException {
        localNode = EmbeddedInfinispanStore.open(CONFIG);
        await("JOINED 2", 60);
    }

    private void await(String expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (expected.equals(line)) {
                return;
            }
        }
        close();
        throw new IllegalStateException("cluster peer on port " + peerPort + " never printed " + expected);
    }

    private void readLines() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("READY") || line.startsWith("JOINED")) {
                        lines.add(line.strip());
                    }
                }
            } catch (IOException ignored) {
                // the peer ended
            }
        }, "cluster-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        if (localNode != null) {
            localNode.close();
            localNode = null;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
