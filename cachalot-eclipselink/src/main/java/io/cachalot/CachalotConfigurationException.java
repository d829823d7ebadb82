package io.cachalot;

/** A {@code cachalot.*} property has a value cachalot cannot use; the message names both. */
public class CachalotConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CachalotConfigurationException(String message) {
        super(message);
    }

    public CachalotConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    static CachalotConfigurationException badValue(String property, Object value, String expected) {
        return new CachalotConfigurationException(
                "Invalid value '" + value + "' for property " + property + ": expected " + expected);
    }
}
