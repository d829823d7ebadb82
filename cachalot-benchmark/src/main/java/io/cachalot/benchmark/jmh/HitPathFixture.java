package io.cachalot.benchmark.jmh;

import io.cachalot.CachalotProperties;
import io.cachalot.engine.QueryCacheEngine;
import io.cachalot.engine.ReadCall;
import io.cachalot.engine.Settings;
import io.cachalot.sql.IdentifierCase;
import io.cachalot.sql.SqlAnalyzer;
import io.cachalot.sql.StatementInfo;
import io.cachalot.store.CacheStore;
import io.cachalot.store.CachedResult;
import io.cachalot.store.EmbeddedInfinispanStore;
import io.cachalot.store.RemoteInfinispanStore;
import io.cachalot.store.ResultKey;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.ArrayRecord;

/**
 * What one hit of the benchmark's {@code LIKE '%e%' [5000:5010]} query handles, outside EclipseLink: its SQL as
 * EclipseLink sends it to PostgreSQL, its parameters, its 10 rows of 8 columns (with the types JDBC returns), and an
 * engine over a store holding that result. The rebuild copies the rows into EclipseLink records as cachalot's
 * accessor does.
 */
final class HitPathFixture implements AutoCloseable {

    static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/cachalot_bench|postgres|public";
    static final String SQL = "SELECT ID, A_DECIMAL, A_FLOAT, CREATED_AT, CREATED_ON, IS_PUBLIC, NAME, OWNER_ID"
            + " FROM bench_item WHERE name LIKE ? LIMIT ? OFFSET ?";
    static final String[] COLUMNS = {"ID", "A_DECIMAL", "A_FLOAT", "CREATED_AT", "CREATED_ON", "IS_PUBLIC", "NAME", "OWNER_ID"};
    static final Set<String> TABLES = Set.of("bench_item", "bench_user", "bench_group", "bench_user_groups");

    final CacheStore store;
    final QueryCacheEngine engine;
    final StatementInfo info;
    final List<Object> parameters = List.of("%e%", 10, 5000);
    final Vector<DatabaseField> fields = new Vector<>();
    final DatabaseField[] fieldsArray;
    final Object[][] rows = new Object[10][];
    final Vector<AbstractRecord> records = new Vector<>();

    HitPathFixture(String store, String servers) {
        this.store = store.equals("remote") ? RemoteInfinispanStore.open(servers, null) : EmbeddedInfinispanStore.open(null);
        Settings settings = Settings.from(Map.<String, Object>of(CachalotProperties.INFINISPAN_MODE,
                store.equals("remote") ? CachalotProperties.MODE_REMOTE : CachalotProperties.MODE_EMBEDDED,
                CachalotProperties.INFINISPAN_SERVERS, servers == null ? "127.0.0.1:11222" : servers)::get);
        this.engine = new QueryCacheEngine("jmh", settings, this.store);
        SqlAnalyzer analyzer = new SqlAnalyzer(IdentifierCase.LOWER, TABLES, List.of(), List.of(), false);
        engine.identifyDatabase(DATABASE);
        engine.start(analyzer);
        this.info = analyzer.analyze(SQL);
        for (String column : COLUMNS) {
            fields.add(new DatabaseField(column));
        }
        this.fieldsArray = fields.toArray(new DatabaseField[0]);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {5000L + i, new BigDecimal("1234.56"), 0.5 * i, Timestamp.valueOf("2017-06-01 12:00:00"),
                Date.valueOf("2017-03-01"), i % 2 == 0, "Entry " + (5000 + i), 1L + i};
            records.add(new ArrayRecord(fields, fieldsArray, rows[i].clone()));
        }
        engine.read(info, SQL, parameters, 0, 0, null, new Call());
    }

    ResultKey key() {
        Object[] copied = new Object[parameters.size()];
        for (int i = 0; i < copied.length; i++) {
            copied[i] = ReadCall.copyValue(parameters.get(i));
        }
        return new ResultKey(DATABASE, SQL, copied, 0, 0);
    }

    /** The table keys the engine looks up for this statement: the epoch, then each table. */
    List<String> tableKeys() {
        return List.of("#epoch", DATABASE + "|bench_item");
    }

    /** What cachalot's accessor does with cached rows: copy each value out and build EclipseLink records. */
    Vector<AbstractRecord> rebuild(CachedResult cached) {
        Object[][] cachedRows = cached.rows();
        Vector<AbstractRecord> rebuilt = new Vector<>(cachedRows.length);
        for (Object[] values : cachedRows) {
            Object[] copy = new Object[values.length];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = ReadCall.copyValue(values[i]);
            }
            rebuilt.add(new ArrayRecord(fields, fieldsArray, copy));
        }
        return rebuilt;
    }

    /** A read whose SQL "returns" the fixture's records. */
    final class Call implements ReadCall<Vector<AbstractRecord>> {
        @Override
        public Vector<AbstractRecord> execute() {
            return records;
        }

        @Override
        public boolean mayStore() {
            return true;
        }

        @Override
        public CachedResult capture(Vector<AbstractRecord> result, int maxRows) {
            Object[][] copy = new Object[result.size()][];
            for (int r = 0; r < copy.length; r++) {
                Object[] values = result.get(r).getValues().toArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = ReadCall.copyValue(values[i]);
                }
                copy[r] = values;
            }
            return new CachedResult(COLUMNS.clone(), copy, false);
        }

        @Override
        public Vector<AbstractRecord> rebuild(CachedResult cached) {
            return HitPathFixture.this.rebuild(cached);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
