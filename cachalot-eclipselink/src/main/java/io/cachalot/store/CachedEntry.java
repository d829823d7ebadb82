package io.cachalot.store;

import java.util.Arrays;

/**
 * A cached result with the tokens of the epoch and of its tables as they were read before its SQL ran.
 * It may be served only while every current token still equals the stored one.
 *
 * @param tokens the epoch token first, then one per table, in the order of the lookup keys
 * @param result the rows
 */
public record CachedEntry(long[] tokens, CachedResult result) {

    /** Whether the current versions, in lookup-key order, are exactly those this entry was read under. */
    public boolean isValidFor(long[] currentTokens) {
        return Arrays.equals(tokens, currentTokens);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CachedEntry entry && Arrays.equals(tokens, entry.tokens) && result.equals(entry.result);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens) * 31 + result.hashCode();
    }
}
