package io.cachalot.eclipselink;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Where a {@code cachalot.*} value comes from when the persistence unit does not set it: MicroProfile Config
 * when the application has it (read reflectively, so it stays optional), then JVM system properties.
 */
public final class ConfigSources {

    private static final Method GET_CONFIG = method("org.eclipse.microprofile.config.ConfigProvider", "getConfig");
    private static final Method GET_OPTIONAL_VALUE = method("org.eclipse.microprofile.config.Config",
            "getOptionalValue", String.class, Class.class);

    private ConfigSources() {
    }

    /** The value of a property set outside the unit, or null. */
    public static Object lookup(String name) {
        if (GET_CONFIG != null && GET_OPTIONAL_VALUE != null) {
            try {
                Object config = GET_CONFIG.invoke(null);
                Optional<?> value = (Optional<?>) GET_OPTIONAL_VALUE.invoke(config, name, String.class);
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no usable MicroProfile Config here: fall through to system properties
            }
        }
        return System.getProperty(name);
    }

    private static Method method(String type, String name, Class<?>... parameters) {
        try {
            return Class.forName(type).getMethod(name, parameters);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
