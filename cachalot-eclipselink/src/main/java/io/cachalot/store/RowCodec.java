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
import java.util.List;
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

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte SHORT = 4;
    private static final byte BYTE = 5;
    private static final byte DOUBLE = 6;
    private static final byte FLOAT = 7;
    private static final byte BOOLEAN = 8;
    private static final byte CHARACTER = 9;
    private static final byte BIG_DECIMAL = 10;
    private static final byte BIG_INTEGER = 11;
    private static final byte UUID_TAG = 12;
    private static final byte BYTES = 13;
    private static final byte CHARS = 14;
    private static final byte SQL_TIMESTAMP = 15;
    private static final byte SQL_DATE = 16;
    private static final byte SQL_TIME = 17;
    private static final byte UTIL_DATE = 18;
    private static final byte LOCAL_DATE = 19;
    private static final byte LOCAL_TIME = 20;
    private static final byte LOCAL_DATE_TIME = 21;
    private static final byte OFFSET_DATE_TIME = 22;
    private static final byte OFFSET_TIME = 23;
    private static final byte INSTANT = 24;
    private static final byte LIST = 25;

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
                Object column = readValue(in, 0);
                if (column != null && !(column instanceof String)) {
                    throw new IllegalArgumentException("column name is not a string");
                }
                columns[i] = (String) column;
            }
            Object[][] rows = new Object[length(in)][];
            for (int r = 0; r < rows.length; r++) {
                Object[] row = new Object[columns.length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = readValue(in, 0);
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
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Character c) {
            out.writeByte(CHARACTER);
            out.writeChar(c);
        } else if (value instanceof BigDecimal d) {
            out.writeByte(BIG_DECIMAL);
            out.writeInt(d.scale());
            writeBytes(out, d.unscaledValue().toByteArray());
        } else if (value instanceof BigInteger i) {
            out.writeByte(BIG_INTEGER);
            writeBytes(out, i.toByteArray());
        } else if (value instanceof UUID u) {
            out.writeByte(UUID_TAG);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else if (value instanceof byte[] b) {
            out.writeByte(BYTES);
            writeBytes(out, b);
        } else if (value instanceof char[] c) {
            out.writeByte(CHARS);
            writeString(out, new String(c));
        } else if (value instanceof java.sql.Timestamp t) {
            out.writeByte(SQL_TIMESTAMP);
            out.writeLong(t.getTime());
            out.writeInt(t.getNanos());
        } else if (value instanceof java.sql.Date d) {
            out.writeByte(SQL_DATE);
            out.writeLong(d.getTime());
        } else if (value instanceof java.sql.Time t) {
            out.writeByte(SQL_TIME);
            out.writeLong(t.getTime());
        } else if (value.getClass() == java.util.Date.class) {
            out.writeByte(UTIL_DATE);
            out.writeLong(((java.util.Date) value).getTime());
        } else if (value instanceof LocalDate d) {
            out.writeByte(LOCAL_DATE);
            out.writeLong(d.toEpochDay());
        } else if (value instanceof LocalTime t) {
            out.writeByte(LOCAL_TIME);
            out.writeLong(t.toNanoOfDay());
        } else if (value instanceof LocalDateTime t) {
            out.writeByte(LOCAL_DATE_TIME);
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
        } else if (value instanceof OffsetDateTime t) {
            out.writeByte(OFFSET_DATE_TIME);
            out.writeLong(t.toLocalDate().toEpochDay());
            out.writeLong(t.toLocalTime().toNanoOfDay());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (value instanceof OffsetTime t) {
            out.writeByte(OFFSET_TIME);
            out.writeLong(t.toLocalTime().toNanoOfDay());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (value instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                writeValue(out, element);
            }
        } else {
            throw new UncachableValueException("no encoding for " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("lists nested deeper than " + MAX_DEPTH);
        }
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case BOOLEAN -> in.readBoolean();
            case CHARACTER -> in.readChar();
            case BIG_DECIMAL -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case BIG_INTEGER -> new BigInteger(readBytes(in));
            case UUID_TAG -> new UUID(in.readLong(), in.readLong());
            case BYTES -> readBytes(in);
            case CHARS -> readString(in).toCharArray();
            case SQL_TIMESTAMP -> {
                java.sql.Timestamp timestamp = new java.sql.Timestamp(in.readLong());
                timestamp.setNanos(in.readInt());
                yield timestamp;
            }
            case SQL_DATE -> new java.sql.Date(in.readLong());
            case SQL_TIME -> new java.sql.Time(in.readLong());
            case UTIL_DATE -> new java.util.Date(in.readLong());
            case LOCAL_DATE -> LocalDate.ofEpochDay(in.readLong());
            case LOCAL_TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case LOCAL_DATE_TIME -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
            case OFFSET_DATE_TIME -> OffsetDateTime.of(LocalDate.ofEpochDay(in.readLong()),
                    LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()));
            case OFFSET_TIME -> OffsetTime.of(LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()));
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case LIST -> {
                int size = length(in);
                List<Object> list = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in, depth + 1));
                }
                yield Collections.unmodifiableList(list);
            }
            default -> throw new IllegalArgumentException("unknown value tag " + tag);
        };
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
        T read(DataInputStream in) throws IOException;
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
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated payload", e);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            // a field out of its range (a time of day, an offset, an instant): a malformed payload
            throw new IllegalArgumentException("value out of range: " + e.getMessage(), e);
        }
    }
}
