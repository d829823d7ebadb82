package io.cachalot.store;

/**
 * A value cannot be encoded by the store (a JDBC type the codec does not know). The read runs uncached;
 * the store itself is fine.
 */
public final class UncachableValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UncachableValueException(String message) {
        super(message, null, false, false);
    }
}
