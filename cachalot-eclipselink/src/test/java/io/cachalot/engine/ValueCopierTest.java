package io.cachalot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values going into and out of the cache: mutable ones are copied, unknown ones refused. */
class ValueCopierTest {

    enum Colour { RED }

    static Stream<Object> immutableValues() {
        return Stream.of("text", 1, 2L, (short) 3, (byte) 4, 5.5d, 6.5f, true, 'c', new BigDecimal("7.25"),
                BigInteger.TEN, UUID.randomUUID(), Colour.RED, LocalDate.of(2024, 2, 29), LocalTime.NOON,
                LocalDateTime.of(2024, 1, 1, 10, 0), Instant.EPOCH, OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("immutableValues")
    void immutableValuesAreSharedAsTheyAre(Object value) {
        assertThat(ValueCopier.copy(value)).isSameAs(value);
        assertThat(ValueCopier.isMutable(value)).isFalse();
    }

    @Test
    void nullStaysNull() {
        assertThat(ValueCopier.copy(null)).isNull();
    }

    @Test
    void byteArrayIsCopied() {
        byte[] original = {1, 2, 3};

        byte[] copy = (byte[]) ValueCopier.copy(original);
        original[0] = 9;

        assertThat(copy).isNotSameAs(original).containsExactly(1, 2, 3);
        assertThat(ValueCopier.isMutable(original)).isTrue();
    }

    @Test
    void charArrayIsCopied() {
        char[] original = {'a', 'b'};

        char[] copy = (char[]) ValueCopier.copy(original);
        original[0] = 'z';

        assertThat(copy).containsExactly('a', 'b');
    }

    @Test
    void timestampIsCopiedWithItsNanoseconds() {
        Timestamp original = Timestamp.valueOf("2024-05-06 07:08:09.123456789");

        Timestamp copy = (Timestamp) ValueCopier.copy(original);
        original.setTime(0);

        assertThat(copy).isNotSameAs(original).isEqualTo(Timestamp.valueOf("2024-05-06 07:08:09.123456789"));
        assertThat(copy.getNanos()).isEqualTo(123_456_789);
    }

    @Test
    void sqlDateTimeAndUtilDateAreCopiedWithTheirType() {
        java.sql.Date date = java.sql.Date.valueOf("2024-05-06");
        Time time = Time.valueOf("07:08:09");
        Date utilDate = new Date(1_000_000L);

        Object dateCopy = ValueCopier.copy(date);
        Object timeCopy = ValueCopier.copy(time);
        Object utilCopy = ValueCopier.copy(utilDate);
        date.setTime(0);
        time.setTime(0);
        utilDate.setTime(0);

        assertThat(dateCopy).isExactlyInstanceOf(java.sql.Date.class).isEqualTo(java.sql.Date.valueOf("2024-05-06"));
        assertThat(timeCopy).isExactlyInstanceOf(Time.class).isEqualTo(Time.valueOf("07:08:09"));
        assertThat(utilCopy).isExactlyInstanceOf(Date.class).isEqualTo(new Date(1_000_000L));
        assertThat(ValueCopier.isMutable(date)).isTrue();
    }

    @Test
    void calendarIsCopiedWithItsZone() {
        Calendar original = new GregorianCalendar(TimeZone.getTimeZone("Asia/Tokyo"));
        original.setTimeInMillis(86_400_000L);

        Calendar copy = (Calendar) ValueCopier.copy(original);
        original.setTimeInMillis(0);
        original.setTimeZone(TimeZone.getTimeZone("UTC"));

        assertThat(copy.getTimeInMillis()).isEqualTo(86_400_000L);
        assertThat(copy.getTimeZone().getID()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void listIsCopiedDeeplyAndCannotBeChanged() {
        byte[] bytes = {1};
        List<Object> original = new ArrayList<>(Arrays.asList("a", bytes, 3));

        @SuppressWarnings("unchecked")
        List<Object> copy = (List<Object>) ValueCopier.copy(original);
        original.add("b");
        bytes[0] = 7;

        assertThat(copy).hasSize(3);
        assertThat((byte[]) copy.get(1)).containsExactly(1);
        assertThatThrownBy(() -> copy.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> unsupportedValues() {
        return Stream.of(new Object(), new StringBuilder("x"), new AtomicInteger(1), new HashMap<>(), new int[] {1},
                new Object[] {"a"}, new Date(0) { }, new NotJavaTime(), List.of("ok", new StringBuilder("not ok")))
                .map(value -> Arguments.of(value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedValues")
    void unknownTypesAreRefused(Object value) {
        assertThat(ValueCopier.copy(value)).isSameAs(ValueCopier.UNSUPPORTED);
    }

    @Test
    void copyAllCopiesEveryValue() {
        byte[] bytes = {5};
        Object[] values = {"a", bytes, null, 4L};

        Object[] copy = ValueCopier.copyAll(values);
        bytes[0] = 6;

        assertThat(copy).hasSize(4);
        assertThat(copy[0]).isEqualTo("a");
        assertThat((byte[]) copy[1]).containsExactly(5);
        assertThat(copy[2]).isNull();
        assertThat(copy[3]).isEqualTo(4L);
    }

    @Test
    void copyAllRefusesWhenOneValueIsUnknown() {
        assertThat(ValueCopier.copyAll(new Object[] {"a", new StringBuilder("b")})).isNull();
    }

    @Test
    void readCallExposesTheSameCopier() {
        byte[] bytes = {1};

        assertThat(ReadCall.copyValue(bytes)).isNotSameAs(bytes);
        assertThat(ReadCall.copyValue(new Object())).isSameAs(ReadCall.UNSUPPORTED);
    }

    /** A temporal value that is not one of java.time's immutable classes. */
    private static final class NotJavaTime implements TemporalAccessor {
        @Override
        public boolean isSupported(TemporalField field) {
            return field == ChronoField.YEAR;
        }

        @Override
        public long getLong(TemporalField field) {
            return 2024;
        }
    }
}
