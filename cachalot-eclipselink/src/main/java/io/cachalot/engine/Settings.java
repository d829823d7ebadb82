package io.cachalot.engine;

import static io.cachalot.CachalotProperties.*;

import io.cachalot.CachalotConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code cachalot.*} properties of one persistence unit, parsed and checked.
 *
 * @param nearResults remote mode: how many decoded results to keep in this JVM
 * @param timeout how long a result may live; null for no limit
 */
public record Settings(boolean enabled, String mode, String config, String servers, int nearResults, String jndi,
        Duration timeout,
        int maxRows, boolean cacheRandom, boolean invalidateNative, List<String> onlyCachableTables,
        List<String> uncachableTables, List<String> additionalTables, String sessionCustomizer) {

    /** Defaults only. */
    public static Settings defaults() {
        return from(name -> null);
    }

    /**
     * Reads every property through {@code source} (null when unset), checking each value.
     *
     * @throws CachalotConfigurationException naming the first property whose value is wrong
     */
    public static Settings from(Function<String, Object> source) {
        String mode = text(source, INFINISPAN_MODE, DEFAULT_INFINISPAN_MODE).toLowerCase(Locale.ROOT);
        if (!mode.equals(MODE_EMBEDDED) && !mode.equals(MODE_REMOTE)) {
            throw bad(INFINISPAN_MODE, source.apply(INFINISPAN_MODE), "'" + MODE_EMBEDDED + "' or '" + MODE_REMOTE + "'");
        }
        String servers = text(source, INFINISPAN_SERVERS, null);
        if (servers != null) {
            checkServers(servers);
        }
        String config = text(source, INFINISPAN_CONFIG, null);
        if (mode.equals(MODE_REMOTE) && servers == null && config == null) {
            throw new CachalotConfigurationException("Property " + INFINISPAN_MODE + " is 'remote' but neither "
                    + INFINISPAN_SERVERS + " nor " + INFINISPAN_CONFIG + " is set");
        }
        long timeoutSeconds = number(source, TIMEOUT, -1, 1);
        return new Settings(
                bool(source, ENABLED, DEFAULT_ENABLED),
                mode,
                config,
                servers,
                (int) number(source, INFINISPAN_NEAR_RESULTS, DEFAULT_NEAR_RESULTS, 0),
                text(source, INFINISPAN_JNDI, null),
                timeoutSeconds < 0 ? null : Duration.ofSeconds(timeoutSeconds),
                (int) number(source, MAX_ROWS, DEFAULT_MAX_ROWS, 0),
                bool(source, CACHE_RANDOM, DEFAULT_CACHE_RANDOM),
                bool(source, INVALIDATE_NATIVE, DEFAULT_INVALIDATE_NATIVE),
                tables(source, ONLY_CACHABLE_TABLES),
                tables(source, UNCACHABLE_TABLES),
                tables(source, ADDITIONAL_TABLES),
                text(source, SESSION_CUSTOMIZER, null));
    }

    private static String text(Function<String, Object> source, String name, String fallback) {
        Object value = source.apply(name);
        if (value == null) {
            return fallback;
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            throw bad(name, value, "a non-empty value");
        }
        return text;
    }

    private static boolean bool(Function<String, Object> source, String name, boolean fallback) {
        Object value = source.apply(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, value, "true or false");
        };
    }

    private static long number(Function<String, Object> source, String name, long fallback, long min) {
        Object value = source.apply(name);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw bad(name, value, "a whole number of at least " + min);
        }
        if (parsed < min || parsed > Integer.MAX_VALUE) {
            throw bad(name, value, "a whole number of at least " + min);
        }
        return parsed;
    }

    private static List<String> tables(Function<String, Object> source, String name) {
        Object value = source.apply(name);
        if (value == null) {
            return List.of();
        }
        List<String> names = Arrays.stream(value.toString().split(",", -1)).map(String::strip).toList();
        for (String table : names) {
            if (table.isEmpty() || !table.matches("[\\p{L}_\"`\\[][\\p{L}\\p{N}_$.\"`\\[\\] ]*")) {
                throw bad(name, value, "a comma-separated list of table names");
            }
        }
        return names;
    }

    private static void checkServers(String servers) {
        for (String server : servers.split(";")) {
            if (!server.strip().matches("[A-Za-z0-9_.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:]+\\](:\\d{1,5})?")) {
                throw bad(INFINISPAN_SERVERS, servers, "host:port[;host:port]");
            }
        }
    }

    private static CachalotConfigurationException bad(String name, Object value, String expected) {
        return new CachalotConfigurationException(
                "Invalid value '" + value + "' for property " + name + ": expected " + expected);
    }
}
