package io.cachalot.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts a {@link HotRodServerMain} JVM on free loopback ports and stops it. */
public final class HotRodServerProcess implements AutoCloseable {

    private final int port = freePort();
    private final int clusterPort = freePort();
    private Process process;

    /** host:port, for {@code cachalot.infinispan.servers}. */
    public String servers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the server and waits until it accepts clients. */
    public HotRodServerProcess start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), HotRodServerMain.class.getName(), String.valueOf(port),
                String.valueOf(clusterPort));
        builder.redirectErrorStream(true);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the server ended
            }
            ready.complete(false);
        }, "hotrod-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Hot Rod server exited before it was ready");
            }
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the Hot Rod server did not start on port " + port, e);
        }
        return this;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        process = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
