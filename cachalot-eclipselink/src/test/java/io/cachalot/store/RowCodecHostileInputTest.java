package io.cachalot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The remote row codec decodes only its own type tags: a truncated, lengthened, mistagged, deeply nested or
 * Java-serialized payload is refused with an {@link IllegalArgumentException} (which the remote store turns into
 * a miss), and no class named by a payload is ever loaded or run.
 */
class RowCodecHostileInputTest {

    private static final CachedEntry ENTRY = new CachedEntry(new long[] {7L, -3L}, new CachedResult(
            new String[] {"ID", "NAME", "PRICE", "BORN", "STAMP", "AT", "TAGS", "BYTES", "UUID", "BIG", "OFFSET"},
            new Object[][] {
                {1L, "Tolkien", new BigDecimal("12.50"), LocalDate.of(1892, 1, 3), Timestamp.valueOf("2024-02-29 13:45:30.123"),
                    LocalDateTime.of(2024, 2, 29, 13, 45), List.of("dragon", 3), new byte[] {1, -1},
                    new UUID(1, 2), new BigInteger("-9123456789012345678"), OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2))},
                {2L, null, BigDecimal.ZERO, null, null, null, List.of(), new byte[0], null, BigInteger.ONE, null}},
            false));

    /** Set when a deserialized {@link Canary} runs its own code. */
    static volatile boolean canaryRan;

    @Test
    void validEntryRoundTrips() {
        assertThat(RowCodec.decodeEntry(RowCodec.encodeEntry(ENTRY))).isEqualTo(ENTRY);
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] valid = RowCodec.encodeEntry(ENTRY);
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(valid, length);
            assertThatIllegalArgumentException().as("first %d of %d bytes", length, valid.length)
                    .isThrownBy(() -> RowCodec.decodeEntry(truncated));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(null));
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] valid = RowCodec.encodeEntry(ENTRY);
        byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(longer)).withMessageContaining("trailing");
    }

    @Test
    void unknownFormatVersionAndUnknownTagAreRefused() throws IOException {
        byte[] valid = RowCodec.encodeEntry(ENTRY);
        byte[] otherVersion = valid.clone();
        otherVersion[0] = 99;
        byte[] badTag = payload(out -> {
            header(out, 1, 1);
            out.writeByte(1);          // column name: a string...
            out.writeInt(1);
            out.writeByte('A');
            out.writeInt(1);           // one row...
            out.writeByte(99);         // ...whose value has an unknown tag
        });

        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(otherVersion)).withMessageContaining("version");
        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(badTag)).withMessageContaining("tag 99");
        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeVersion(new byte[] {99, 1, 2}));
    }

    @Test
    void lengthsBeyondThePayloadOrNegativeAreRefusedWithoutAllocating() throws IOException {
        for (int claimed : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, 1_000}) {
            byte[] tokens = payload(out -> {
                out.writeByte(1);
                out.writeInt(claimed);
            });
            byte[] string = payload(out -> {
                header(out, 0, 1);
                out.writeByte(1);
                out.writeInt(claimed);
                out.writeByte('x');
            });
            assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(tokens)).withMessageContaining("length");
            assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(string)).withMessageContaining("length");
        }
    }

    @Test
    void columnNameThatIsNoStringIsRefused() throws IOException {
        byte[] numericColumn = payload(out -> {
            header(out, 0, 1);
            out.writeByte(2);
            out.writeInt(42);
            out.writeInt(0);
        });

        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(numericColumn)).withMessageContaining("column");
    }

    @Test
    void deeplyNestedListsAreRefusedRatherThanOverflowingTheStack() throws IOException {
        int depth = 200_000;
        byte[] nested = payload(out -> {
            header(out, 0, 1);
            out.writeByte(0);                  // column name null
            out.writeInt(1);                   // one row
            for (int i = 0; i < depth; i++) {
                out.writeByte(25);             // a list of one element...
                out.writeInt(1);
            }
            out.writeByte(0);                  // ...down to a null
        });

        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(nested)).withMessageContaining("nested");
    }

    @Test
    void fieldsOutOfTheirRangeAreRefused() throws IOException {
        byte[] timeOfDay = valuePayload(out -> {
            out.writeByte(20);                 // LocalTime
            out.writeLong(-5);
        });
        byte[] offset = valuePayload(out -> {
            out.writeByte(23);                 // OffsetTime
            out.writeLong(0);
            out.writeInt(100_000);
        });
        byte[] instant = valuePayload(out -> {
            out.writeByte(24);                 // Instant
            out.writeLong(Long.MAX_VALUE);
            out.writeInt(0);
        });
        byte[] nanos = valuePayload(out -> {
            out.writeByte(15);                 // Timestamp
            out.writeLong(0);
            out.writeInt(-1);
        });

        for (byte[] payload : List.of(timeOfDay, offset, instant, nanos)) {
            assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(payload));
        }
    }

    @Test
    void javaSerializedObjectIsRefusedAndNeverRun() throws IOException {
        canaryRan = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            HashMap<String, Object> map = new HashMap<>();
            map.put("payload", new Canary());
            out.writeObject(map);
        }
        byte[] serialized = bytes.toByteArray();

        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeEntry(serialized));
        assertThatIllegalArgumentException().isThrownBy(() -> RowCodec.decodeVersion(serialized));
        assertThat(canaryRan).as("the serialized object's readObject ran").isFalse();
    }

    /** Random corruption of a valid payload either decodes to some entry or is refused, never anything else. */
    @Test
    void randomCorruptionIsDecodedOrRefusedButNeverThrowsAnythingElse() {
        byte[] valid = RowCodec.encodeEntry(ENTRY);
        Random random = new Random(20240229);
        int refused = 0;
        int tries = 20_000;
        for (int i = 0; i < tries; i++) {
            byte[] corrupt = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
            }
            try {
                RowCodec.decodeEntry(corrupt);
            } catch (IllegalArgumentException e) {
                refused++;
            }
        }
        assertThat(refused).as("most corruptions are noticed").isGreaterThan(tries / 4);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] payload(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        }
        return bytes.toByteArray();
    }

    /** An entry of one column (named "V") and one row whose only value {@code value} writes. */
    private static byte[] valuePayload(Body value) throws IOException {
        return payload(out -> {
            header(out, 0, 1);
            out.writeByte(1);
            out.writeInt(1);
            out.writeByte('V');
            out.writeInt(1);
            value.write(out);
        });
    }

    /** Format version, {@code tokens} zero tokens, not a single row, {@code columns} columns to follow. */
    private static void header(DataOutputStream out, int tokens, int columns) throws IOException {
        out.writeByte(1);
        out.writeInt(tokens);
        for (int i = 0; i < tokens; i++) {
            out.writeLong(0);
        }
        out.writeBoolean(false);
        out.writeInt(columns);
    }

    /** A serializable class with code in its readObject: proof by side effect that it never ran. */
    static final class Canary implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            canaryRan = true;
        }
    }
}
