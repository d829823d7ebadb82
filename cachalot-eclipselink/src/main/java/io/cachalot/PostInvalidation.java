package io.cachalot;

import java.time.Instant;

/**
 * A table was invalidated: cached results reading it will not be served again.
 *
 * <p>Delivered after the transaction that wrote the table committed (or after an API call), once per
 * table per transaction, to listeners added with {@link Cachalot#addListener} and, with
 * {@code cachalot-cdi}, as a CDI event.
 *
 * @param persistenceUnit the unit delivering the event: for a local one, the unit whose write or API call caused
 *        it; otherwise the unit that learned of another unit's or node's invalidation
 * @param table the table name, in the database's case for unquoted names
 * @param at when it was invalidated, by the invalidating node's clock (display only; validity uses no clock)
 * @param local {@code false} when another unit (of this JVM or another node) made the invalidation
 */
public record PostInvalidation(String persistenceUnit, String table, Instant at, boolean local) {
}
