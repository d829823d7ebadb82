package io.cachalot.templates;

import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Map;

/**
 * The cache keys of rendered fragments.
 *
 * <p>A key is a sequence of length-prefixed parts (persistence unit, place, key value, locale, version tag
 * of the tables), so two renderings that differ in any part never share a key, whatever characters the
 * parts contain. Collections, arrays and maps in a key value are encoded element by element; other values
 * by their {@code toString()}, which they must define (an entity without one is rejected: use its id).
 */
public final class FragmentKeys {

    /** Template names longer than this (string templates, whose name is their text) are hashed. */
    private static final int MAX_NAME = 200;

    private FragmentKeys() {
    }

    /**
     * Identifies one cached block of one template: the template's name, the block's position, and a hash
     * of the block's source, so that an edited template never serves fragments rendered by its old text.
     */
    public static String place(String template, int line, int column, CharSequence source) {
        String name = template == null ? "" : template;
        if (name.length() > MAX_NAME) {
            name = "#" + hash(name);
        }
        return name + "@" + line + ":" + column + "#" + hash(source == null ? "" : source);
    }

    /**
     * The key of one rendering.
     *
     * @throws IllegalArgumentException if the key value (or an element of it) has no {@code toString()}
     */
    public static String key(String unit, String place, Object keyValue, Locale locale, String versionTag) {
        StringBuilder key = new StringBuilder(96).append("fragment|");
        part(key, unit);
        part(key, place);
        encode(key, keyValue);
        part(key, locale == null ? "" : locale.toLanguageTag());
        part(key, versionTag);
        return key.toString();
    }

    private static void part(StringBuilder key, String text) {
        key.append(text.length()).append(':').append(text);
    }

    private static void encode(StringBuilder key, Object value) {
        if (value == null) {
            key.append('N');
        } else if (value instanceof Iterable<?> items) {
            key.append('L');
            for (Object item : items) {
                encode(key, item);
            }
            key.append(']');
        } else if (value.getClass().isArray()) {
            key.append('L');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                encode(key, Array.get(value, i));
            }
            key.append(']');
        } else if (value instanceof Map<?, ?> map) {
            key.append('M');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode(key, entry.getKey());
                encode(key, entry.getValue());
            }
            key.append(']');
        } else {
            key.append('S');
            part(key, textOf(value));
        }
    }

    /** A value's text, if it has one of its own: an identity text would make a new key at every render. */
    private static String textOf(Object value) {
        try {
            if (value.getClass().getMethod("toString").getDeclaringClass() == Object.class) {
                throw new IllegalArgumentException("a key value of type " + value.getClass().getName()
                        + " has no text of its own (no toString()); use its id or another simple value");
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return value.toString();
    }

    /** 64-bit FNV-1a, as hex. */
    static String hash(CharSequence text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            hash = (hash ^ (c & 0xff)) * 0x100000001b3L;
            hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
        }
        return Long.toHexString(hash);
    }
}
