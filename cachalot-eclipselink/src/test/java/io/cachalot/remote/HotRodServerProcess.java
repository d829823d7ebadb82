package io.cachalot.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts, stops and restarts a Hot Rod server JVM on a free loopback port, for tests. */
public final class HotRodServerProcess implements AutoCloseable {

    private final int port;
    private final int clusterPort;
    private Process process;

    public HotRodServerProcess() {
        this.port = freePort();
        this.clusterPort = freePort();
    }

    public int port() {
        return port;
    }

    public String servers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the server and waits until it accepts clients. */
    public synchronized HotRodServerProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
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
                // the process ended
            }
            ready.complete(false);
        }, "hotrod-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Hot Rod server exited before it was ready");
            }
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Hot Rod server did not start on port " + port, e);
        }
        return this;
    }

    /** Kills the server process (as a crash would). */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
