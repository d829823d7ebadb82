package io.cachalot.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.model.Sample;
import io.cachalot.model.Sample.Color;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every column type of {@link Sample} (see {@link Fixtures#samples}) comes back from a cache hit with the value
 * and the Java type the database gave the first time, is usable as a query parameter, and cannot be changed in
 * the cache by a caller mutating what it was handed.
 */
@ParameterizedClass
@EnumSource(Database.class)
class SampleValueTypesTest {

    private static final String ALL = "SELECT s FROM Sample s ORDER BY s.id";
    private static final String ALL_NATIVE = "SELECT * FROM sample ORDER BY id";

    @Parameter
    Database database;

    TestUnit unit;

    @BeforeEach
    void setUp() {
        unit = TestUnit.on(database);
        Fixtures.samples(unit);
    }

    @Test
    void everyColumnTypeRoundTripsIdenticallyThroughACacheHit() {
        List<Sample> first = unit.read(em -> em.createQuery(ALL, Sample.class).getResultList());
        assertThat(unit.sql().count()).isEqualTo(1);
        unit.sql().reset();
        List<Sample> hit = unit.read(em -> em.createQuery(ALL, Sample.class).getResultList());
        assertThat(unit.sql().statements()).isEmpty();
        assertThat(hit).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(first);

        Sample full = hit.get(0);
        assertThat(full.textValue).isEqualTo("alpha");
        assertThat(full.intValue).isEqualTo(42);
        assertThat(full.longValue).isEqualTo(9_000_000_001L);
        assertThat(full.shortValue).isEqualTo((short) 12_345);
        assertThat(full.byteValue).isEqualTo((byte) -7);
        assertThat(full.doubleValue).isEqualTo(2.5);
        assertThat(full.floatValue).isEqualTo(1.25f);
        assertThat(full.boolValue).isTrue();
        assertThat(full.decimalValue).isEqualByComparingTo("12346");
        assertThat(full.preciseDecimal).isEqualTo(new BigDecimal("-12345.6780"));
        assertThat(full.bigIntValue).isEqualTo(new BigInteger("9123456789012345678"));
        assertThat(full.dateValue).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(full.timeValue).isEqualTo(LocalTime.of(13, 45, 30));
        assertThat(full.dateTimeValue).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30));
        assertThat(full.legacyDate.getTime()).isEqualTo(1_709_214_330_000L);
        assertThat(full.stampValue.toLocalDateTime()).isBetween(LocalDateTime.of(2024, 2, 29, 13, 45, 30),
                LocalDateTime.of(2024, 2, 29, 13, 45, 31));
        assertThat(full.bytesValue).containsExactly(1, 2, 3, -1);
        assertThat(full.colorName).isEqualTo(Color.GREEN);
        assertThat(full.colorOrdinal).isEqualTo(Color.BLUE);
        assertThat(hit.get(1).boolValue).isFalse();
        assertThat(hit.get(1).preciseDecimal).isEqualTo(new BigDecimal("0.0001"));
        assertThat(hit.get(1).bytesValue).containsExactly(0, 127, -128);
        assertThat(hit.get(2)).hasAllNullFieldsOrPropertiesExcept("id", "intValue", "shortValue", "byteValue",
                "doubleValue", "floatValue", "boolValue");
    }

    @Test
    void rawRowsOfEveryColumnTypeRoundTripIdenticallyThroughACacheHit() {
        List<Object[]> first = nativeRows();
        assertThat(unit.sql().count()).isEqualTo(1);
        unit.sql().reset();
        List<Object[]> hit = nativeRows();
        assertThat(unit.sql().statements()).isEmpty();
        assertThat(hit).hasSameSizeAs(first).hasSize(3);
        for (int row = 0; row < first.size(); row++) {
            assertThat(hit.get(row)).hasSameSizeAs(first.get(row));
            for (int column = 0; column < first.get(row).length; column++) {
                Object expected = first.get(row)[column];
                Object actual = hit.get(row)[column];
                assertThat(actual == null ? null : actual.getClass()).as("type at row %d column %d", row, column)
                        .isEqualTo(expected == null ? null : expected.getClass());
                assertThat(Objects.deepEquals(actual, expected)).as("value at row %d column %d: %s", row, column, actual)
                        .isTrue();
            }
        }
        assertThat(first.get(0)).contains("alpha");
    }

    @Test
    void textAndIntegerParametersHitPerValue() {
        assertHitsPerValue("s.textValue = :v", "alpha", List.of(1L), "beta", List.of(2L));
        assertHitsPerValue("s.intValue = :v", 42, List.of(1L), -1, List.of(2L));
        assertHitsPerValue("s.longValue = :v", 9_000_000_001L, List.of(1L), -5L, List.of(2L));
        assertHitsPerValue("s.shortValue = :v", (short) 12_345, List.of(1L), (short) -2, List.of(2L));
        assertHitsPerValue("s.byteValue = :v", (byte) -7, List.of(1L), (byte) 127, List.of(2L));
        assertHitsPerValue("s.bigIntValue = :v", new BigInteger("9123456789012345678"), List.of(1L),
                BigInteger.valueOf(-42), List.of(2L));
    }

    @Test
    void decimalFloatingAndBooleanParametersHitPerValue() {
        assertHitsPerValue("s.preciseDecimal = :v", new BigDecimal("-12345.678"), List.of(1L),
                new BigDecimal("0.0001"), List.of(2L));
        assertHitsPerValue("s.doubleValue = :v", 2.5, List.of(1L), -0.75, List.of(2L));
        assertHitsPerValue("s.floatValue = :v", 1.25f, List.of(1L), 8.5f, List.of(2L));
        assertHitsPerValue("s.boolValue = :v", true, List.of(1L), false, List.of(2L, 3L));
    }

    @Test
    void temporalParametersHitPerValue() {
        assertHitsPerValue("s.dateValue = :v", LocalDate.of(2024, 2, 29), List.of(1L), LocalDate.of(1999, 12, 31), List.of(2L));
        // EclipseLink binds a LocalTime parameter so that H2 and MariaDB never find it equal to a TIME column (the
        // same without cachalot): there, only the hit and its equality with the first run are checked.
        boolean timeComparable = database == Database.POSTGRESQL;
        assertHitsPerValue("s.timeValue = :v", LocalTime.of(13, 45, 30), timeComparable ? List.of(1L) : null,
                LocalTime.of(0, 0, 1), timeComparable ? List.of(2L) : null);
        assertHitsPerValue("s.dateTimeValue = :v", LocalDateTime.of(2024, 2, 29, 13, 45, 30), List.of(1L),
                LocalDateTime.of(1999, 12, 31, 23, 59, 59), List.of(2L));
        assertHitsPerValue("s.legacyDate = :v", new Date(1_709_214_330_000L), List.of(1L),
                new Date(946_684_799_000L), List.of(2L));
        assertHitsPerValue("s.stampValue > :v", Timestamp.valueOf("2000-01-01 00:00:00"), List.of(1L),
                Timestamp.valueOf("1990-01-01 00:00:00.5"), List.of(1L, 2L));
    }

    @Test
    void binaryEnumAndNullConditionsHitPerValue() {
        assertHitsPerValue("s.bytesValue = :v", new byte[] {1, 2, 3, -1}, List.of(1L), new byte[] {0, 127, -128}, List.of(2L));
        assertHitsPerValue("s.colorName = :v", Color.GREEN, List.of(1L), Color.RED, List.of(2L));
        assertHitsPerValue("s.colorOrdinal = :v", Color.BLUE, List.of(1L), Color.GREEN, List.of(2L));
        assertHitsPerValue("s.colorName IN :v", List.of(Color.RED, Color.GREEN), List.of(1L, 2L), List.of(Color.BLUE), List.of());
        assertHitsPerValue("s.textValue IS NULL OR s.textValue = :v", "beta", List.of(2L, 3L), "gamma", List.of(3L));
    }

    @Test
    void mutatingReturnedBytesNeverChangesALaterHit() {
        Sample miss = sampleOne();
        miss.bytesValue[0] = 99;
        bytesOf(nativeRows().get(0))[1] = 99;
        for (int run = 0; run < 2; run++) {
            unit.sql().reset();
            Sample hit = sampleOne();
            byte[] raw = bytesOf(nativeRows().get(0));
            assertThat(unit.sql().statements()).isEmpty();
            assertThat(hit.bytesValue).containsExactly(1, 2, 3, -1);
            assertThat(raw).containsExactly(1, 2, 3, -1);
            hit.bytesValue[2] = 99;
            raw[3] = 99;
        }
    }

    @Test
    void mutatingReturnedDatesNeverChangesALaterHit() {
        Sample miss = sampleOne();
        Date legacy = (Date) miss.legacyDate.clone();
        Timestamp stamp = (Timestamp) miss.stampValue.clone();
        miss.legacyDate.setTime(0);
        miss.stampValue.setTime(0);
        miss.stampValue.setNanos(7);
        for (int run = 0; run < 2; run++) {
            unit.sql().reset();
            Sample hit = sampleOne();
            assertThat(unit.sql().statements()).isEmpty();
            assertThat(hit.legacyDate).isEqualTo(legacy);
            assertThat(hit.stampValue).isEqualTo(stamp);
            hit.legacyDate.setTime(1);
            hit.stampValue.setNanos(5);
        }
        Object[] first = nativeRows().get(0);
        List<Object> dates = Arrays.stream(first).filter(value -> value instanceof Date).toList();
        assertThat(dates).as("raw date-like values of sample 1").isNotEmpty();
        List<Object> copies = dates.stream().map(value -> ((Date) value).clone()).toList();
        dates.forEach(value -> ((Date) value).setTime(0));
        unit.sql().reset();
        List<Object> again = Arrays.stream(nativeRows().get(0)).filter(value -> value instanceof Date).toList();
        assertThat(unit.sql().statements()).isEmpty();
        assertThat(again).isEqualTo(copies);
    }

    /**
     * Runs the condition with each value in a new entity manager, then again: the first runs reach the database
     * once each (two values, two entries), the second runs none, with the same ids. Expected ids may be null
     * where the database cannot be trusted with the comparison.
     */
    private void assertHitsPerValue(String condition, Object value, List<Long> ids, Object otherValue, List<Long> otherIds) {
        String jpql = "SELECT s.id FROM Sample s WHERE " + condition + " ORDER BY s.id";
        unit.sql().reset();
        List<Long> first = unit.read(em -> ids(em, jpql, value));
        assertThat(unit.sql().count()).as("first run of %s with %s", condition, value).isEqualTo(1);
        List<Long> otherFirst = unit.read(em -> ids(em, jpql, otherValue));
        assertThat(unit.sql().count()).as("first run of %s with %s", condition, otherValue).isEqualTo(2);
        unit.sql().reset();
        List<Long> hit = unit.read(em -> ids(em, jpql, value));
        List<Long> otherHit = unit.read(em -> ids(em, jpql, otherValue));
        assertThat(unit.sql().statements()).as("second runs of %s", condition).isEmpty();
        assertThat(hit).as("%s with %s", condition, value).isEqualTo(first);
        assertThat(otherHit).as("%s with %s", condition, otherValue).isEqualTo(otherFirst);
        if (ids != null) {
            assertThat(first).as("%s with %s", condition, value).isEqualTo(ids);
            assertThat(otherFirst).as("%s with %s", condition, otherValue).isEqualTo(otherIds);
        }
    }

    private static List<Long> ids(EntityManager em, String jpql, Object value) {
        return em.createQuery(jpql, Long.class).setParameter("v", value).getResultList();
    }

    private Sample sampleOne() {
        return unit.read(em -> em.createQuery("SELECT s FROM Sample s WHERE s.id = 1", Sample.class).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> nativeRows() {
        return unit.read(em -> em.createNativeQuery(ALL_NATIVE).getResultList());
    }

    /** The only byte[] of a raw row of sample 1 (column positions differ between databases). */
    private static byte[] bytesOf(Object[] row) {
        return Arrays.stream(row).filter(byte[].class::isInstance).map(byte[].class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no byte[] in " + Arrays.toString(row)));
    }
}
