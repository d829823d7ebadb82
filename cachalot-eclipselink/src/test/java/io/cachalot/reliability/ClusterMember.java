package io.cachalot.reliability;

import io.cachalot.cluster.ClusterNodeMain;
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

/** A second cluster member: a {@link ClusterNodeMain} JVM on one JGroups port, driven one command per line. */
final class ClusterMember implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    ClusterMember(String cluster, int port, String hosts) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-Djava.net.preferIPv4Stack=true",
                "-Dcachalot.cluster.port=" + port, "-Dcachalot.cluster.hosts=" + hosts, "-Dcachalot.cluster.name=" + cluster,
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
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.matches("(READY|READ|DONE)\\b.*")) {
                        answers.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the member ended
            }
        }, "cluster-member-" + port);
        reader.setDaemon(true);
        reader.start();
        if (!"READY".equals(next(120))) {
            kill();
            throw new IllegalStateException("cluster member on port " + port + " did not start");
        }
    }

    /** Sends one command ({@code READ}, {@code RENAME id name}) and returns its answer line. */
    String ask(String command) {
        commands.println(command);
        String answer = next(60);
        if (answer == null) {
            throw new IllegalStateException("cluster member did not answer " + command);
        }
        return answer;
    }

    private String next(int seconds) {
        try {
            return answers.poll(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Kills the member as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
