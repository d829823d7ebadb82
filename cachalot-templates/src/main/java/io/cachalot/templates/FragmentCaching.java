package io.cachalot.templates;

import io.cachalot.Cachalot;
import io.cachalot.FragmentCache;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Thymeleaf dialect and the FreeMarker directive share: the key of a rendering, the lookup and the
 * store around the rendering of its body, and the reading of the tables and timeout that templates give.
 *
 * <p>The order is the contract: {@link #keyOf} reads the tables' version tag <em>before</em> the body is
 * rendered, so a fragment rendered while a write commits is stored under the old tag and never served.
 * A body that fails is not stored.
 */
public final class FragmentCaching {

    private final Cachalot cachalot;
    private final FragmentCache fragments;

    public FragmentCaching(Cachalot cachalot) {
        this.cachalot = Objects.requireNonNull(cachalot, "cachalot");
        this.fragments = cachalot.fragments();
    }

    public Cachalot cachalot() {
        return cachalot;
    }

    /**
     * The key of a rendering of the block at {@code place}; reads the tables' version tag now, so call it
     * before rendering the body.
     *
     * @throws IllegalArgumentException if a table or entity is unknown
     */
    public String keyOf(String place, Object[] tables, Object keyValue, Locale locale) {
        String versionTag = cachalot.versionTag(tables);
        return FragmentKeys.key(cachalot.persistenceUnit(), place, keyValue, locale, versionTag);
    }

    public Optional<String> lookup(String key) {
        return fragments.get(key);
    }

    /** Stores a fragment whose body rendered completely; {@code lifespan} null means until evicted. */
    public void store(String key, String fragment, Duration lifespan) {
        fragments.put(key, fragment, lifespan);
    }

    /**
     * Flattens what a template names as tables: strings (one name, or several separated by commas),
     * entity classes, and collections or arrays of those.
     *
     * @throws IllegalArgumentException if there is none, or an item is neither
     */
    public static Object[] tables(Object spec) {
        List<Object> tables = new ArrayList<>();
        addTables(tables, spec);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no table or entity given");
        }
        return tables.toArray();
    }

    private static void addTables(List<Object> tables, Object spec) {
        if (spec instanceof CharSequence text) {
            for (String name : text.toString().split(",")) {
                if (!name.isBlank()) {
                    tables.add(name.strip());
                }
            }
        } else if (spec instanceof Class<?>) {
            tables.add(spec);
        } else if (spec instanceof Iterable<?> items) {
            items.forEach(item -> addTables(tables, item));
        } else if (spec != null && spec.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(spec); i < n; i++) {
                addTables(tables, Array.get(spec, i));
            }
        } else {
            throw new IllegalArgumentException("not a table name, entity name or entity class: " + spec);
        }
    }

    /**
     * How long a fragment may be served, from a number of seconds (fractions allowed); null for none.
     *
     * @throws IllegalArgumentException unless it is a positive number
     */
    public static Duration lifespan(Object seconds) {
        if (seconds == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(seconds.toString().strip());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException("timeout must be a positive number of seconds, not '" + seconds + "'");
        }
        long millis = value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
        return Duration.ofMillis(millis);
    }
}
