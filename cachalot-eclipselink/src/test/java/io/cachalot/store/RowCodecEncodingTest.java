package io.cachalot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bytes of the remote encoding are fixed: each value type's tag and fields, and the layout of keys,
 * versions and entries. Entries written by one build must read the same in another (a remote store outlives
 * application restarts and is shared by nodes of different versions), so any change here is a new format.
 */
class RowCodecEncodingTest {

    /** Format version 1, no token, not single-row, one column "V", one row: what precedes the row's value. */
    private static final String ONE_VALUE_ENTRY = "01 00000000 00 00000001 01 00000001 56 00000001";

    static Stream<Arguments> values() {
        Timestamp fiveNanos = new Timestamp(0);
        fiveNanos.setNanos(5);
        return Stream.of(
                Arguments.of(null, "00"),
                Arguments.of("hé", "01 00000003 68c3a9"),
                Arguments.of(42, "02 0000002a"),
                Arguments.of(-2L, "03 fffffffffffffffe"),
                Arguments.of((short) 7, "04 0007"),
                Arguments.of((byte) -1, "05 ff"),
                Arguments.of(1.5d, "06 3ff8000000000000"),
                Arguments.of(1.5f, "07 3fc00000"),
                Arguments.of(true, "08 01"),
                Arguments.of('A', "09 0041"),
                Arguments.of(new BigDecimal("12.50"), "0a 00000002 00000002 04e2"),
                Arguments.of(BigInteger.valueOf(-1), "0b 00000001 ff"),
                Arguments.of(new UUID(1, 2), "0c 0000000000000001 0000000000000002"),
                Arguments.of(new byte[] {1, -1}, "0d 00000002 01ff"),
                Arguments.of(new char[] {'o', 'k'}, "0e 00000002 6f6b"),
                Arguments.of(fiveNanos, "0f 0000000000000000 00000005"),
                Arguments.of(new java.sql.Date(86_400_000L), "10 0000000005265c00"),
                Arguments.of(new java.sql.Time(1_000L), "11 00000000000003e8"),
                Arguments.of(new java.util.Date(1L), "12 0000000000000001"),
                Arguments.of(LocalDate.ofEpochDay(1), "13 0000000000000001"),
                Arguments.of(LocalTime.ofNanoOfDay(1), "14 0000000000000001"),
                Arguments.of(LocalDateTime.of(LocalDate.ofEpochDay(2), LocalTime.ofNanoOfDay(3)),
                        "15 0000000000000002 0000000000000003"),
                Arguments.of(OffsetDateTime.of(LocalDate.ofEpochDay(2), LocalTime.ofNanoOfDay(3), ZoneOffset.ofHours(1)),
                        "16 0000000000000002 0000000000000003 00000e10"),
                Arguments.of(OffsetTime.of(LocalTime.ofNanoOfDay(3), ZoneOffset.ofTotalSeconds(-60)),
                        "17 0000000000000003 ffffffc4"),
                Arguments.of(Instant.ofEpochSecond(1, 2), "18 0000000000000001 00000002"),
                Arguments.of(List.of("a", 1, List.of()), "19 00000003 01 00000001 61 02 00000001 19 00000000"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("values")
    void eachValueTypeHasItsTagAndFields(Object value, String expected) {
        byte[] encoded = RowCodec.encodeEntry(oneValue(value));

        assertThat(hex(encoded)).isEqualTo(hex(bytes(ONE_VALUE_ENTRY + expected)));
        assertThat(RowCodec.decodeEntry(bytes(ONE_VALUE_ENTRY + expected))).isEqualTo(oneValue(value));
    }

    @Test
    void decodedValuesHaveTheirEncodedType() {
        Object[] decoded = RowCodec.decodeEntry(RowCodec.encodeEntry(new CachedEntry(new long[0], new CachedResult(
                new String[] {"A", "B", "C"},
                new Object[][] {{new java.sql.Date(0), new java.util.Date(0), new Timestamp(0)}}, false))))
                .result().rows()[0];

        assertThat(decoded).extracting(Object::getClass)
                .containsExactly(java.sql.Date.class, java.util.Date.class, Timestamp.class);
    }

    @Test
    void keyLayoutIsFixed() {
        byte[] encoded = RowCodec.encodeKey(new ResultKey("db", "SELECT 1", new Object[] {7, "x"}, 0, 10));

        assertThat(hex(encoded)).isEqualTo(hex(bytes(
                "01 0002 6462 00000008 53454c4543542031 00000002 02 00000007 01 00000001 78 00000000 0000000a")));
    }

    @Test
    void versionLayoutIsFixed() {
        byte[] encoded = RowCodec.encodeVersion(new TableVersion(-1L, 2L), 3L);

        assertThat(hex(encoded)).isEqualTo(hex(bytes("01 ffffffffffffffff 0000000000000002 0000000000000003")));
        assertThat(RowCodec.decodeVersion(encoded)).isEqualTo(new TableVersion(-1L, 2L));
        assertThat(RowCodec.decodeToken(encoded)).isEqualTo(-1L);
        assertThat(RowCodec.decodeNode(encoded)).isEqualTo(3L);
    }

    @Test
    void entryLayoutIsFixed() {
        CachedEntry entry = new CachedEntry(new long[] {5L}, new CachedResult(
                new String[] {"ID", null}, new Object[][] {{1, "a"}, {2, null}}, true));

        byte[] encoded = RowCodec.encodeEntry(entry);

        assertThat(hex(encoded)).isEqualTo(hex(bytes("01 00000001 0000000000000005 01 00000002 01 00000002 4944 00"
                + " 00000002 02 00000001 01 00000001 61 02 00000002 00")));
        assertThat(RowCodec.decodeEntry(encoded)).isEqualTo(entry);
    }

    @Test
    void typesWithoutEncodingAreUncachable() {
        java.util.Date subclass = new java.util.Date(0) {
        };

        for (Object value : List.of(new Object(), subclass, Arrays.asList(1, new StringBuilder()))) {
            assertThatThrownBy(() -> RowCodec.encodeEntry(oneValue(value)))
                    .isInstanceOf(UncachableValueException.class)
                    .hasMessageStartingWith("no encoding for ");
        }
    }

    private static CachedEntry oneValue(Object value) {
        return new CachedEntry(new long[0], new CachedResult(new String[] {"V"}, new Object[][] {{value}}, false));
    }

    private static byte[] bytes(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
