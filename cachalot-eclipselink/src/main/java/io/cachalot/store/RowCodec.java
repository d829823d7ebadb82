package io.cachalot.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cachalot's own binary encoding of keys, tokens and rows for stores outside this JVM. Every value is a
 * one-byte type tag followed by its fields; only the JDBC value types below exist, so decoding never
 * creates an object of a type named by the payload (no Java deserialization). Malformed input is refused
 * with an {@link IllegalArgumentException}.
 */
final class RowCodec {

    private static final int MAX_LENGTH = 64 * 1024 * 1024;
    /** Values are flat, or lists of flat values (IN parameters): deeper nesting is a crafted payload. */
    private static final int MAX_DEPTH = 8;

    private static final byte FORMAT_VERSION = 1;

    private RowCodec() {
    }

    static byte[] encodeKey(ResultKey key) {
        return write(out -> {
            out.writeByte(FORMAT_VERSION);
            out.writeUTF(key.database());
            writeString(out, key.sql());
            Object[] parameters = key.parameters();
            out.writeInt(parameters.length);
            for (Object parameter : parameters) {
                writeValue(out, parameter);
            }
            out.writeInt(key.firstResult());
            out.writeInt(key.maxRows());
        });
    }

    /** A token with the id of the store (unit) that wrote it. */
    static byte[] encodeVersion(TableVersion version, long node) {
        return write(out -> {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(version.token());
            out.writeLong(version.invalidatedAtMillis());
            out.writeLong(node);
        });
    }

    static TableVersion decodeVersion(byte[] bytes) {
        return read(bytes, in -> {
            checkFormat(in);
            return new TableVersion(in.readLong(), in.readLong());
        });
    }

    /** The token of an encoded version alone, without decoding the rest (the hit path reads only this). */
    static long decodeToken(byte[] bytes) {
        if (bytes.length < 9 || bytes[0] != FORMAT_VERSION) {
            return decodeVersion(bytes).token();
        }
        long token = 0;
        for (int i = 1; i < 9; i++) {
            token = (token << 8) | (bytes[i] & 0xFF);
        }
        return token;
    }

    static long decodeNode(byte[] bytes) {
        return read(bytes, in -> {
            checkFormat(in);
            in.readLong();
            in.readLong();
            return in.readLong();
        });
    }

    static byte[] encodeEntry(CachedEntry entry) {
        return write(out -> {
            out.writeByte(FORMAT_VERSION);
            long[] tokens = entry.tokens();
            out.writeInt(tokens.length);
            for (long token : tokens) {
                out.writeLong(token);
            }
            CachedResult result = entry.result();
            out.writeBoolean(result.singleRow());
            String[] columns = result.columns();
            out.writeInt(columns.length);
            for (String column : columns) {
                writeValue(out, column);
            }
            out.writeInt(result.rows().length);
            for (Object[] row : result.rows()) {
                if (row.length != columns.length) {
                    throw new UncachableValueException("row width differs from the column count");
                }
                for (Object value : row) {
                    writeValue(out, value);
                }
            }
        });
    }

    static CachedEntry decodeEntry(byte[] bytes) {
        return read(bytes, in -> {
            checkFormat(in);
            long[] tokens = new long[length(in)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = in.readLong();
            }
            boolean singleRow = in.readBoolean();
            String[] columns = new String[length(in)];
            for (int i = 0; i < columns.length; i++) {
                Object column = readValue(in);
                if (column != null && !(column instanceof String)) {
                    throw new IllegalArgumentException("column name is not a string");
                }
                columns[i] = (String) column;
            }
            Object[][] rows = new Object[length(in)][];
            for (int r = 0; r < rows.length; r++) {
                Object[] row = new Object[columns.length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = readValue(in);
                }
                rows[r] = row;
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new CachedEntry(tokens, new CachedResult(columns, rows, singleRow));
        });
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        ValueType type = ValueType.of(value);
        out.writeByte(type.tag);
        type.writer.write(out, value);
    }

    private static Object readValue(Input in) throws IOException {
        if (in.listDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("lists nested deeper than " + MAX_DEPTH);
        }
        return ValueType.of(in.readByte()).reader.read(in);
    }

    private static void writeList(DataOutputStream out, List<?> list) throws IOException {
        out.writeInt(list.size());
        for (Object element : list) {
            writeValue(out, element);
        }
    }

    private static List<Object> readList(Input in) throws IOException {
        int size = length(in);
        List<Object> list = new ArrayList<>(Math.min(size, 1024));
        in.listDepth++;
        for (int i = 0; i < size; i++) {
            list.add(readValue(in));
        }
        in.listDepth--;
        return Collections.unmodifiableList(list);
    }

    private static void checkFormat(DataInputStream in) throws IOException {
        byte version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown format version " + version);
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH || length > in.available() + 1) {
            throw new IllegalArgumentException("bad length " + length);
        }
        return length;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = length(in);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(Input in) throws IOException;
    }

    private interface FieldWriter<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    /** The input of one decoding, with how deep in nested lists it is reading. */
    private static final class Input extends DataInputStream {
        private int listDepth;

        Input(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("empty payload");
        }
        try (Input in = new Input(bytes)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated payload", e);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            // a field out of its range (a time of day, an offset, an instant): a malformed payload
            throw new IllegalArgumentException("value out of range: " + e.getMessage(), e);
        }
    }

    /**
     * The value types with their tag and fields. A value is written as the first type it is an instance of
     * (of exactly {@code java.util.Date}, not a subclass), in this order; the tags are the format.
     */
    private enum ValueType {
        NULL(0, null, (out, value) -> { }, in -> null),
        STRING(1, String.class, RowCodec::writeString, RowCodec::readString),
        INTEGER(2, Integer.class, DataOutputStream::writeInt, DataInputStream::readInt),
        LONG(3, Long.class, DataOutputStream::writeLong, DataInputStream::readLong),
        SHORT(4, Short.class, (out, s) -> out.writeShort(s), DataInputStream::readShort),
        BYTE(5, Byte.class, (out, b) -> out.writeByte(b), DataInputStream::readByte),
        DOUBLE(6, Double.class, DataOutputStream::writeDouble, DataInputStream::readDouble),
        FLOAT(7, Float.class, DataOutputStream::writeFloat, DataInputStream::readFloat),
        BOOLEAN(8, Boolean.class, DataOutputStream::writeBoolean, DataInputStream::readBoolean),
        CHARACTER(9, Character.class, (out, c) -> out.writeChar(c), DataInputStream::readChar),
        BIG_DECIMAL(10, BigDecimal.class, (out, d) -> {
            out.writeInt(d.scale());
            writeBytes(out, d.unscaledValue().toByteArray());
        }, in -> {
            int scale = in.readInt();
            return new BigDecimal(new BigInteger(readBytes(in)), scale);
        }),
        BIG_INTEGER(11, BigInteger.class, (out, i) -> writeBytes(out, i.toByteArray()),
                in -> new BigInteger(readBytes(in))),
        UUID_TAG(12, UUID.class, (out, u) -> {
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        }, in -> new UUID(in.readLong(), in.readLong())),
        BYTES(13, byte[].class, RowCodec::writeBytes, RowCodec::readBytes),
        CHARS(14, char[].class, (out, c) -> writeString(out, new String(c)), in -> readString(in).toCharArray()),
        SQL_TIMESTAMP(15, java.sql.Timestamp.class, (out, t) -> {
            out.writeLong(t.getTime());
            out.writeInt(t.getNanos());
        }, in -> {
            java.sql.Timestamp timestamp = new java.sql.Timestamp(in.readLong());
            timestamp.setNanos(in.readInt());
            return timestamp;
        }),
        SQL_DATE(16, java.sql.Date.class, (out, d) -> out.writeLong(d.getTime()),
                in -> new java.sql.Date(in.readLong())),
        SQL_TIME(17, java.sql.Time.class, (out, t) -> out.writeLong(t.getTime()),
                in -> new java.sql.Time(in.readLong())),
        UTIL_DATE(18, java.util.Date.class, true, (out, d) -> out.writeLong(d.getTime()),
                in -> new java.util.Date(in.readLong())),
        LOCAL_DATE(19, LocalDate.class, (out, d) -> out.writeLong(d.toEpochDay()),
                in -> LocalDate.ofEpochDay(in.readLong())),
        LOCAL_TIME(20, LocalTime.class, (out, t) -> out.writeLong(t.toNanoOfDay()),
                in -> LocalTime.ofNanoOfDay(in.readLong())),
        LOCAL_DATE_TIME(21, LocalDateTime.class, (out, t) -> {
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
        }, in -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()))),
        OFFSET_DATE_TIME(22, OffsetDateTime.class, (out, t) -> {
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
            out.writeInt(t.getOffset().getTotalSeconds());
        }, in -> OffsetDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()),
                ZoneOffset.ofTotalSeconds(in.readInt()))),
        OFFSET_TIME(23, OffsetTime.class, (out, t) -> {
            out.writeLong(t.toLocalTime().toNanoOfDay());
            out.writeInt(t.getOffset().getTotalSeconds());
        }, in -> OffsetTime.of(LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()))),
        INSTANT(24, Instant.class, (out, t) -> {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }, in -> Instant.ofEpochSecond(in.readLong(), in.readInt())),
        LIST(25, List.class, RowCodec::writeList, RowCodec::readList);

        private static final ValueType[] BY_TAG = new ValueType[values().length];
        /** The type of a value of exactly one of the declared classes, without trying them in order. */
        private static final Map<Class<?>, ValueType> BY_CLASS = new HashMap<>();

        static {
            for (ValueType type : values()) {
                BY_TAG[type.tag] = type;
                if (type.type != null) {
                    BY_CLASS.put(type.type, firstOf(type.type));
                }
            }
        }

        final byte tag;
        private final Class<?> type;
        private final boolean exactClass;
        final FieldWriter<Object> writer;
        final Reader<?> reader;

        <T> ValueType(int tag, Class<T> type, FieldWriter<? super T> writer, Reader<? extends T> reader) {
            this(tag, type, false, writer, reader);
        }

        @SuppressWarnings("unchecked") // a writer is only given values of its type, chosen by of(Object)
        <T> ValueType(int tag, Class<T> type, boolean exactClass, FieldWriter<? super T> writer,
                Reader<? extends T> reader) {
            this.tag = (byte) tag;
            this.type = type;
            this.exactClass = exactClass;
            this.writer = (FieldWriter<Object>) writer;
            this.reader = reader;
        }

        static ValueType of(Object value) {
            if (value == null) {
                return NULL;
            }
            ValueType type = BY_CLASS.get(value.getClass());
            if (type == null) {
                type = firstOf(value.getClass());
            }
            if (type == null) {
                throw new UncachableValueException("no encoding for " + value.getClass().getName());
            }
            return type;
        }

        static ValueType of(byte tag) {
            if (tag < 0 || tag >= BY_TAG.length || BY_TAG[tag] == null) {
                throw new IllegalArgumentException("unknown value tag " + tag);
            }
            return BY_TAG[tag];
        }

        private static ValueType firstOf(Class<?> valueClass) {
            for (ValueType candidate : values()) {
                if (candidate.accepts(valueClass)) {
                    return candidate;
                }
            }
            return null;
        }

        private boolean accepts(Class<?> valueClass) {
            return type != null && (exactClass ? type == valueClass : type.isAssignableFrom(valueClass));
        }
    }
}
