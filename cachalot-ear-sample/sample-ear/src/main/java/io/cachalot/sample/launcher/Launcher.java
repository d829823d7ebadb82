package io.cachalot.sample.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishException;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

/**
 * Starts GlassFish embedded, deploys the sample EAR and prints its address once it answers. Runs with only
 * {@code glassfish-embedded-all.jar} and this class on the class path: everything else comes from the EAR.
 *
 * <pre>{@code java <add-opens> -cp glassfish-embedded-all.jar:classes io.cachalot.sample.launcher.Launcher sample.ear}</pre>
 *
 * System properties: {@code sample.port} (8080), and {@code sample.db.url}, {@code sample.db.user},
 * {@code sample.db.password}, read by the application's data source.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws GlassFishException, InterruptedException {
        File ear = new File(args.length > 0 ? args[0] : "target/sample.ear");
        if (!ear.isFile()) {
            System.err.println("No EAR at " + ear.getAbsolutePath() + ": build it first (mvn package)");
            System.exit(2);
        }
        int port = Integer.getInteger("sample.port", 8080);
        GlassFishProperties properties = new GlassFishProperties();
        properties.setPort("http-listener", port);
        GlassFish glassfish = GlassFishRuntime.bootstrap().newGlassFish(properties);
        glassfish.start();
        String deployed = glassfish.getDeployer().deploy(ear, "--name=sample");
        if (deployed == null) {
            System.err.println("The deployment of " + ear + " failed: see the log above");
            glassfish.dispose();
            System.exit(1);
        }
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.printf("%nCachalot sample ready on http://localhost:%d/ (started in %.1f s, %s resident)%n"
                + "Press Ctrl+C to stop.%n%n", port, seconds, residentMemory());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                glassfish.dispose();
            } catch (GlassFishException e) {
                System.err.println("GlassFish did not stop cleanly: " + e);
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    /** The process's resident set size (Linux), or "unknown". */
    private static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kilobytes / 1024) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to show
        }
        return "unknown memory";
    }
}
