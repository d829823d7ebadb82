package io.cachalot.sql;

import java.util.Locale;

/**
 * How a database folds unquoted identifiers. Quoted identifiers are always kept exactly as written.
 */
public enum IdentifierCase {
    /** SQL standard, H2, Oracle, DB2: unquoted names are upper case. */
    UPPER,
    /** PostgreSQL: unquoted names are lower case. */
    LOWER,
    /** MySQL and MariaDB on Linux: names are compared as written. */
    AS_WRITTEN;

    /**
     * The canonical form of one identifier as it appears in SQL, quotes included when present.
     */
    public String canonical(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            return identifier;
        }
        char first = identifier.charAt(0);
        char last = identifier.charAt(identifier.length() - 1);
        if (identifier.length() >= 2
                && ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']'))) {
            return identifier.substring(1, identifier.length() - 1);
        }
        return fold(identifier);
    }

    /** Folds an unquoted identifier. */
    public String fold(String unquoted) {
        return switch (this) {
            case UPPER -> unquoted.toUpperCase(Locale.ROOT);
            case LOWER -> unquoted.toLowerCase(Locale.ROOT);
            case AS_WRITTEN -> unquoted;
        };
    }
}
