package io.cachalot.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine, the versions and the load under which the benchmark ran, for the report. */
final class Environment {

    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final String loadBefore;
    private String loadAfterMacro;
    private String loadAfter;
    private double macroSeconds;
    private double seconds;
    private Boolean woven;

    private Environment() {
        machine.put("CPU", cpu());
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("RAM", memory());
        machine.put("OS", os());
        machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("JVM options", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments().stream().filter(arg -> arg.startsWith("-X")).toList()));
        versions.put("cachalot", System.getProperty("bench.cachalot.version", "unknown"));
        versions.put("EclipseLink", org.eclipse.persistence.Version.getVersion());
        versions.put("Hibernate ORM", org.hibernate.Version.getVersionString());
        versions.put("Infinispan", org.infinispan.commons.util.Version.getVersion());
        versions.put("Caffeine JCache", version("com.github.ben-manes.caffeine", "jcache", com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider.class));
        versions.put("HikariCP", version("com.zaxxer", "HikariCP", com.zaxxer.hikari.HikariDataSource.class));
        versions.put("H2", org.h2.engine.Constants.FULL_VERSION);
        versions.put("PostgreSQL JDBC", org.postgresql.util.DriverInfo.DRIVER_VERSION);
        versions.put("MariaDB JDBC", version("org.mariadb.jdbc", "mariadb-java-client", org.mariadb.jdbc.Driver.class));
        loadBefore = load();
    }

    static Environment capture() {
        return new Environment();
    }

    Map<String, String> machine() {
        return machine;
    }

    Map<String, String> versions() {
        return versions;
    }

    String loadBefore() {
        return loadBefore;
    }

    String loadAfterMacro() {
        return loadAfterMacro;
    }

    String loadAfter() {
        return loadAfter;
    }

    double macroSeconds() {
        return macroSeconds;
    }

    double seconds() {
        return seconds;
    }

    Boolean woven() {
        return woven;
    }

    void weaving(boolean active) {
        woven = active;
    }

    void finishMacro(double elapsed) {
        macroSeconds = elapsed;
        loadAfterMacro = load();
    }

    void finish(double elapsed) {
        seconds = elapsed;
        loadAfter = load();
    }

    /** Records the server's product and version. */
    void databaseVersion(BenchDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            versions.put(database.label() + " server", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        }
    }

    /** Whether EclipseLink wove the entity classes (the weaving agent was given), so LAZY to-one relations are lazy. */
    static boolean woven(Class<?> entity) {
        for (Class<?> type : entity.getInterfaces()) {
            if (type.getName().equals("org.eclipse.persistence.internal.weaving.PersistenceWeaved")) {
                return true;
            }
        }
        return false;
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f (1 min)", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String os() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(line -> line.startsWith("PRETTY_NAME="))
                    .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", "")).findFirst()
                    .orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version");
        } catch (IOException e) {
            return System.getProperty("os.name") + " " + System.getProperty("os.version");
        }
    }

    /** The version in the jar's Maven metadata, else its manifest, else "unknown". */
    private static String version(String group, String artifact, Class<?> type) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (var in = type.getResourceAsStream(resource)) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall back to the manifest
        }
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
