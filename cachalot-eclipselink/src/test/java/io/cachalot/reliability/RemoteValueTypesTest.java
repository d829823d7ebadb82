package io.cachalot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachalot.CachalotProperties;
import io.cachalot.model.Sample.Color;
import io.cachalot.remote.HotRodServerProcess;
import io.cachalot.testing.Database;
import io.cachalot.testing.Fixtures;
import io.cachalot.testing.TestUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bound parameters and column values of every JDBC type cachalot copies, through the remote store: keys and
 * rows travel encoded by the row codec, two values of one type never share an entry, and a hit gives back
 * exactly the values the database gave.
 */
class RemoteValueTypesTest {

    private static final String COLUMNS = "SELECT s.id, s.textValue, s.intValue, s.longValue, s.shortValue, s.byteValue,"
            + " s.doubleValue, s.floatValue, s.boolValue, s.decimalValue, s.preciseDecimal, s.bigIntValue, s.dateValue,"
            + " s.timeValue, s.dateTimeValue, s.legacyDate, s.stampValue, s.bytesValue, s.colorName, s.colorOrdinal"
            + " FROM Sample s ORDER BY s.id";

    static HotRodServerProcess server;

    @BeforeAll
    static void startServer() {
        server = new HotRodServerProcess().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void parametersOfEveryTypeHitPerValueAndNeverShareAnEntry() {
        try (TestUnit unit = remoteUnit()) {
            Fixtures.samples(unit);
            assertPerValue(unit, "s.textValue = :v", "alpha", List.of(1L), "beta", List.of(2L));
            assertPerValue(unit, "s.intValue = :v", 42, List.of(1L), -1, List.of(2L));
            assertPerValue(unit, "s.longValue = :v", 9_000_000_001L, List.of(1L), -5L, List.of(2L));
            assertPerValue(unit, "s.shortValue = :v", (short) 12_345, List.of(1L), (short) -2, List.of(2L));
            assertPerValue(unit, "s.byteValue = :v", (byte) -7, List.of(1L), (byte) 127, List.of(2L));
            assertPerValue(unit, "s.doubleValue = :v", 2.5, List.of(1L), -0.75, List.of(2L));
            assertPerValue(unit, "s.floatValue = :v", 1.25f, List.of(1L), 8.5f, List.of(2L));
            assertPerValue(unit, "s.boolValue = :v", true, List.of(1L), false, List.of(2L, 3L));
            assertPerValue(unit, "s.preciseDecimal = :v", new BigDecimal("-12345.678"), List.of(1L),
                    new BigDecimal("0.0001"), List.of(2L));
            assertPerValue(unit, "s.bigIntValue = :v", new BigInteger("9123456789012345678"), List.of(1L),
                    BigInteger.valueOf(-42), List.of(2L));
            assertPerValue(unit, "s.dateValue = :v", LocalDate.of(2024, 2, 29), List.of(1L), LocalDate.of(1999, 12, 31), List.of(2L));
            assertPerValue(unit, "s.timeValue = :v", LocalTime.of(13, 45, 30), List.of(1L), LocalTime.of(0, 0, 1), List.of(2L));
            assertPerValue(unit, "s.dateTimeValue = :v", LocalDateTime.of(2024, 2, 29, 13, 45, 30), List.of(1L),
                    LocalDateTime.of(1999, 12, 31, 23, 59, 59), List.of(2L));
            assertPerValue(unit, "s.legacyDate = :v", new Date(1_709_214_330_000L), List.of(1L), new Date(946_684_799_000L), List.of(2L));
            assertPerValue(unit, "s.stampValue > :v", Timestamp.valueOf("2000-01-01 00:00:00"), List.of(1L),
                    Timestamp.valueOf("1990-01-01 00:00:00.5"), List.of(1L, 2L));
            assertPerValue(unit, "s.bytesValue = :v", new byte[] {1, 2, 3, -1}, List.of(1L), new byte[] {0, 127, -128}, List.of(2L));
            assertPerValue(unit, "s.colorName = :v", Color.GREEN, List.of(1L), Color.RED, List.of(2L));
            assertPerValue(unit, "s.colorOrdinal = :v", Color.BLUE, List.of(1L), Color.GREEN, List.of(2L));
            assertPerValue(unit, "s.colorName IN :v", List.of(Color.RED, Color.GREEN), List.of(1L, 2L), List.of(Color.BLUE), List.of());
            assertPerValue(unit, "s.textValue IS NULL OR s.textValue = :v", "beta", List.of(2L, 3L), "gamma", List.of(3L));
        }
    }

    @Test
    void columnsOfEveryTypeComeBackIdenticalFromAHit() {
        try (TestUnit unit = remoteUnit()) {
            Fixtures.samples(unit);
            List<Object[]> fromDatabase = columns(unit);
            List<Object[]> fromCache = new ArrayList<>();
            int statements = unit.countStatements(() -> fromCache.addAll(columns(unit)));

            assertThat(statements).isZero();
            assertThat(fromCache).hasSize(3);
            for (int i = 0; i < fromDatabase.size(); i++) {
                assertThat(fromCache.get(i)).as("row " + i).containsExactly(fromDatabase.get(i));
            }
        }
    }

    private static TestUnit remoteUnit() {
        return TestUnit.withProperties(Database.POSTGRESQL, Map.of(
                CachalotProperties.INFINISPAN_MODE, "remote",
                CachalotProperties.INFINISPAN_SERVERS, server.servers()));
    }

    private static List<Object[]> columns(TestUnit unit) {
        return unit.read(em -> em.createQuery(COLUMNS, Object[].class).getResultList());
    }

    private static void assertPerValue(TestUnit unit, String condition, Object value, List<Long> ids, Object other,
            List<Long> otherIds) {
        String jpql = "SELECT s.id FROM Sample s WHERE " + condition + " ORDER BY s.id";
        for (int run = 1; run <= 2; run++) {
            List<Long> found = new ArrayList<>();
            List<Long> otherFound = new ArrayList<>();
            int statements = unit.countStatements(() -> {
                found.addAll(ids(unit, jpql, value));
                otherFound.addAll(ids(unit, jpql, other));
            });
            assertThat(found).as(condition + " " + value).isEqualTo(ids);
            assertThat(otherFound).as(condition + " " + other).isEqualTo(otherIds);
            assertThat(statements).as(condition + ", run " + run).isEqualTo(run == 1 ? 2 : 0);
        }
    }

    private static List<Long> ids(TestUnit unit, String jpql, Object value) {
        return unit.read(em -> em.createQuery(jpql, Long.class).setParameter("v", value).getResultList());
    }
}
