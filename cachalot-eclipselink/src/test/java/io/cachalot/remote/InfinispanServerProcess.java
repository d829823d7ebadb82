package io.cachalot.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A full Infinispan Server ({@code org.infinispan.server.Bootstrap}, as its distribution starts it) in its own
 * JVM on free loopback ports, with authentication and authorization on: one user in the {@code deployer} group of
 * a properties realm. Its class path is resolved by the build, apart from the test class path, and named by
 * the system property {@value #CLASSPATH_PROPERTY} (a file holding the path).
 */
public final class InfinispanServerProcess implements AutoCloseable {

    /** Names the file holding the server's class path (written by the build's infinispan-server-classpath step). */
    public static final String CLASSPATH_PROPERTY = "cachalot.infinispan-server.classpath";
    public static final String USER = "cachalot";
    public static final String PASSWORD = "whale-Song-42";

    private static final String STARTED = "ISPN080001";
    private static final String FAILED = "ISPN080028";

    private final boolean quickStart;
    private final String classPath;
    private final int port;
    private final int clusterPort;
    private final Path root;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Process process;

    /** A server for tests: prepares its directory; the class path file must exist (see {@link #classPathFile()}). */
    public InfinispanServerProcess() {
        this(true);
    }

    /**
     * @param quickStart true to start sooner with the client compiler only (tests); false for a server JVM
     *        tuned as in production, for measurements
     */
    public InfinispanServerProcess(boolean quickStart) {
        this.quickStart = quickStart;
        Path classPathFile = classPathFile();
        if (classPathFile == null) {
            throw new IllegalStateException("System property " + CLASSPATH_PROPERTY + " is not set: run the test"
                    + " through Maven, which resolves the server's class path");
        }
        try {
            this.classPath = Files.readString(classPathFile).trim();
            this.port = freePort();
            this.clusterPort = freePort();
            this.root = Files.createTempDirectory("cachalot-infinispan-server");
            writeConfiguration(root.resolve("conf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file named by {@value #CLASSPATH_PROPERTY}, or null when the property is not set (not run by Maven). */
    public static Path classPathFile() {
        String file = System.getProperty(CLASSPATH_PROPERTY);
        return file == null ? null : Path.of(file);
    }

    public int port() {
        return port;
    }

    public String servers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the server and waits until it has started every endpoint. */
    public synchronized InfinispanServerProcess start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Djava.net.preferIPv4Stack=true"));
        if (quickStart) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-cp", classPath, "org.infinispan.server.Bootstrap", "-s", root.toString(),
                "-c", "infinispan.xml"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(process, started), "infinispan-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!started.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Infinispan Server did not start:\n" + lastLines());
            }
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Infinispan Server did not start on port " + port + ":\n" + lastLines(), e);
        }
        return this;
    }

    private void follow(Process server, CompletableFuture<Boolean> started) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                remember(line);
                if (line.contains(STARTED)) {
                    started.complete(true);
                } else if (line.contains(FAILED)) {
                    started.complete(false);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        started.complete(false);
    }

    private void remember(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == 40) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /** Kills the server process. */
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
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server's conf directory, as an administrator would write it: the server's own defaults (single
     * port endpoint, properties realm, authorization) on loopback, and a one-node JGroups TCP cluster, since
     * cachalot creates replicated and distributed caches.
     */
    private void writeConfiguration(Path conf) throws IOException {
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("infinispan.xml"), """
                <infinispan xmlns="urn:infinispan:config:15.0">
                  <jgroups>
                    <stack name="loopback" extends="tcp">
                      <TCP bind_addr="127.0.0.1" bind_port="%2$d" port_range="0"/>
                      <FD_SOCK2 bind_addr="127.0.0.1" stack.combine="COMBINE"/>
                      <pbcast.GMS join_timeout="200" stack.combine="COMBINE"/>
                      <TCPPING initial_hosts="127.0.0.1[%2$d]" port_range="0"
                               stack.combine="REPLACE" stack.position="MPING"/>
                    </stack>
                  </jgroups>
                  <cache-container name="default">
                    <transport cluster="cachalot-server-%2$d" stack="loopback"/>
                    <security><authorization/></security>
                  </cache-container>
                  <server xmlns="urn:infinispan:server:15.0">
                    <interfaces>
                      <interface name="public"><inet-address value="127.0.0.1"/></interface>
                    </interfaces>
                    <socket-bindings default-interface="public" port-offset="0">
                      <socket-binding name="default" port="%1$d"/>
                    </socket-bindings>
                    <security>
                      <security-realms>
                        <security-realm name="default">
                          <properties-realm groups-attribute="Roles">
                            <user-properties path="users.properties" plain-text="true"/>
                            <group-properties path="groups.properties"/>
                          </properties-realm>
                        </security-realm>
                      </security-realms>
                    </security>
                    <endpoints>
                      <endpoint socket-binding="default" security-realm="default">
                        <hotrod-connector/>
                        <rest-connector/>
                      </endpoint>
                    </endpoints>
                  </server>
                </infinispan>
                """.formatted(port, clusterPort));
        Files.writeString(conf.resolve("users.properties"), USER + "=" + PASSWORD + "\n");
        Files.writeString(conf.resolve("groups.properties"), USER + "=deployer\n");
        Files.writeString(conf.resolve("log4j2.xml"), """
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="STDOUT"><PatternLayout pattern="%d{HH:mm:ss,SSS} %-5p [%c{1}] %m%throwable%n"/></Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="org.infinispan.SERVER" level="INFO"/>
                    <Root level="WARN"><AppenderRef ref="STDOUT"/></Root>
                  </Loggers>
                </Configuration>
                """);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
