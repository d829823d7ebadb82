package io.cachalot.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Copies JDBC values into and out of the cache so that a caller mutating a {@code byte[]} or a
 * {@code Date} never changes what the cache holds. Values of other types are refused: a result or
 * parameter holding one is not cached.
 */
final class ValueCopier {

    /** Returned for a value that cannot be cached. */
    static final Object UNSUPPORTED = new Object();

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Integer.class, Long.class, Short.class,
            Byte.class, Double.class, Float.class, Boolean.class, Character.class, BigDecimal.class, BigInteger.class,
            UUID.class);

    /** Whether values of a class are immutable and handed out as they are; computed once per class (hot path). */
    private static final ClassValue<Boolean> SHARED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return IMMUTABLE.contains(type) || Enum.class.isAssignableFrom(type)
                    || (TemporalAccessor.class.isAssignableFrom(type) && type.getName().startsWith("java.time."));
        }
    };

    private ValueCopier() {
    }

    /** A copy safe to keep or hand out, or {@link #UNSUPPORTED}. */
    static Object copy(Object value) {
        if (value == null) {
            return null;
        }
        if (SHARED.get(value.getClass())) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof char[] chars) {
            return chars.clone();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            java.sql.Timestamp copy = new java.sql.Timestamp(timestamp.getTime());
            copy.setNanos(timestamp.getNanos());
            return copy;
        }
        if (value instanceof java.sql.Date date) {
            return new java.sql.Date(date.getTime());
        }
        if (value instanceof java.sql.Time time) {
            return new java.sql.Time(time.getTime());
        }
        if (value.getClass() == java.util.Date.class) {
            return new java.util.Date(((java.util.Date) value).getTime());
        }
        if (value instanceof Calendar calendar) {
            return calendar.clone();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                Object copied = copy(element);
                if (copied == UNSUPPORTED) {
                    return UNSUPPORTED;
                }
                copy.add(copied);
            }
            return Collections.unmodifiableList(copy);
        }
        return UNSUPPORTED;
    }

    /** Copies every value; null when one of them cannot be cached. */
    static Object[] copyAll(Object[] values) {
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object copied = copy(values[i]);
            if (copied == UNSUPPORTED) {
                return null;
            }
            copy[i] = copied;
        }
        return copy;
    }

    /** Whether handing out {@code value} needs a copy (so immutable rows can be shared). */
    static boolean isMutable(Object value) {
        return value instanceof byte[] || value instanceof char[] || value instanceof java.util.Date
                || value instanceof Calendar;
    }
}
