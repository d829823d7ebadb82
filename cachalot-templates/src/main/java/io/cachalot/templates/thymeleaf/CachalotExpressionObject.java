package io.cachalot.templates.thymeleaf;

import io.cachalot.Cachalot;
import io.cachalot.templates.FragmentCaching;
import java.time.Instant;

/**
 * The {@code #cachalot} expression object. Each argument is a table name, an entity name, several of them
 * separated by commas, an entity class or a collection of those:
 * {@code ${#cachalot.lastInvalidation('book, author')}}, {@code ${#cachalot.versionTag('book', 'author')}}.
 * Without arguments, every table of the persistence unit.
 */
public final class CachalotExpressionObject {

    private final Cachalot cachalot;

    public CachalotExpressionObject(Cachalot cachalot) {
        this.cachalot = cachalot;
    }

    /** When any of these tables was last invalidated, or null if never. */
    public Instant lastInvalidation(Object tables) {
        return cachalot.lastInvalidation(FragmentCaching.tables(tables)).orElse(null);
    }

    public Instant lastInvalidation(Object tables, Object more) {
        return lastInvalidation(new Object[] {tables, more});
    }

    public Instant lastInvalidation(Object tables, Object more, Object evenMore) {
        return lastInvalidation(new Object[] {tables, more, evenMore});
    }

    public Instant lastInvalidation() {
        return cachalot.lastInvalidation().orElse(null);
    }

    /** A text that changes whenever any of these tables is invalidated. */
    public String versionTag(Object tables) {
        return cachalot.versionTag(FragmentCaching.tables(tables));
    }

    public String versionTag(Object tables, Object more) {
        return versionTag(new Object[] {tables, more});
    }

    public String versionTag(Object tables, Object more, Object evenMore) {
        return versionTag(new Object[] {tables, more, evenMore});
    }

    public String versionTag() {
        return cachalot.versionTag();
    }
}
