package io.cachalot.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts a {@link ClusterNodeMain} JVM on the given JGroups port, in the cluster named by the system property
 * {@code cachalot.cluster.name}, and talks to it line by line.
 */
public final class ClusterNodeProcess implements AutoCloseable {

    private final int port;
    private final String hosts;
    private Process process;
    private PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    public ClusterNodeProcess(int port, String hosts) {
        this.port = port;
        this.hosts = hosts;
    }

    public ClusterNodeProcess start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-Djava.net.preferIPv4Stack=true",
                "-Dcachalot.cluster.port=" + port, "-Dcachalot.cluster.hosts=" + hosts,
                "-Dcachalot.cluster.name=" + System.getProperty("cachalot.cluster.name"),
                "-Dcachalot.test.db=" + System.getProperty("cachalot.test.db", "cachalot_it"),
                "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName());
        builder.redirectErrorStream(true);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.matches("(READY|READ|DONE|EVENTS|BYE|UNKNOWN)\\b.*")) {
                        answers.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the node ended
            }
        }, "cluster-node-" + port);
        reader.setDaemon(true);
        reader.start();
        String ready = next(120);
        if (!"READY".equals(ready)) {
            kill();
            throw new IllegalStateException("cluster node on port " + port + " did not start: " + ready);
        }
        return this;
    }

    /** Sends one command and returns its answer line. */
    public String ask(String command) {
        commands.println(command);
        return next(60);
    }

    private String next(int seconds) {
        try {
            String answer = answers.poll(seconds, TimeUnit.SECONDS);
            if (answer == null) {
                throw new IllegalStateException("cluster node on port " + port + " did not answer");
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the node as a crash would. */
    public void kill() {
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
        kill();
    }
}
