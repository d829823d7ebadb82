package io.cachalot.store;

/**
 * What one lookup found: the current tokens of the requested table keys (created when absent) and the
 * entry stored under the result key, if any.
 *
 * @param tokens current tokens, aligned with the requested table keys
 * @param entry the stored entry, or {@code null}
 */
public record Lookup(long[] tokens, CachedEntry entry) {

    /** The entry, when it was stored under exactly these tokens. */
    public CachedEntry validEntry() {
        return entry != null && entry.isValidFor(tokens) ? entry : null;
    }
}
