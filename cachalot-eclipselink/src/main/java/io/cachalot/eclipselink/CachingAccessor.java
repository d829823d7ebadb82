package io.cachalot.eclipselink;

import io.cachalot.CachalotProperties;
import io.cachalot.engine.QueryCacheEngine;
import io.cachalot.engine.ReadCall;
import io.cachalot.engine.TransactionState;
import io.cachalot.sql.StatementInfo;
import io.cachalot.store.CachedResult;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.Vector;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.DatabaseAccessor;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.internal.sessions.ArrayRecord;
import org.eclipse.persistence.queries.Call;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.queries.ObjectLevelReadQuery;
import org.eclipse.persistence.queries.StoredProcedureCall;
import org.eclipse.persistence.sessions.Login;

/**
 * The JDBC accessor every connection of a cached unit uses. Each SQL call is analysed once per
 * distinct SQL string: reads are served through the engine, writes are recorded on the transaction.
 * Holds no per-transaction state: EclipseLink shares accessors through shallow clones.
 */
final class CachingAccessor extends DatabaseAccessor {

    private static final System.Logger LOG = System.getLogger(CachingAccessor.class.getName());
    private static final StatementInfo PROCEDURE_CALL =
            new StatementInfo(StatementInfo.Kind.WRITE_UNKNOWN, Set.of(), null);

    private final transient QueryCacheEngine engine;
    private final transient TransactionTracker transactions;
    /** The read running on this accessor now; set only for the duration of one call. */
    private transient EclipseLinkRead pendingRead;

    CachingAccessor(QueryCacheEngine engine, TransactionTracker transactions) {
        this.engine = engine;
        this.transactions = transactions;
    }

    @Override
    protected void connectInternal(Login login, AbstractSession session) throws DatabaseException {
        super.connectInternal(login, session);
        if (!engine.hasDatabaseIdentity()) {
            try {
                engine.identifyDatabase(DatabaseIdentity.of(getConnection()));
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "cachalot: cannot identify the database of unit " + engine.unitName()
                        + "; nothing is cached until a connection can be identified", e);
            }
        }
    }

    /** Notes, while the connection is held, whether the rows of the running read may be stored. */
    @Override
    public ResultSet executeSelect(DatabaseCall call, Statement statement, AbstractSession session) throws SQLException {
        ResultSet resultSet = super.executeSelect(call, statement, session);
        EclipseLinkRead read = pendingRead;
        if (read != null && read.call == call) {
            read.storable = connectionMayStore();
        }
        return resultSet;
    }

    @Override
    public Object basicExecuteCall(Call call, AbstractRecord translationRow, AbstractSession session, boolean batch) {
        if (!(call instanceof DatabaseCall dbCall)) {
            return super.basicExecuteCall(call, translationRow, session, batch);
        }
        StatementInfo info = analyze(dbCall);
        if (info == null) {
            return super.basicExecuteCall(call, translationRow, session, batch);
        }
        return switch (info.kind()) {
            case READ -> isRowRead(dbCall, session)
                    ? read(dbCall, info, translationRow, session, batch)
                    : super.basicExecuteCall(call, translationRow, session, batch);
            case WRITE, WRITE_UNKNOWN -> write(dbCall, info, translationRow, session, batch);
            case NEUTRAL -> super.basicExecuteCall(call, translationRow, session, batch);
        };
    }

    private StatementInfo analyze(DatabaseCall call) {
        if (engine.analyzer() == null) {
            return null;
        }
        if (call instanceof StoredProcedureCall) {
            return PROCEDURE_CALL;
        }
        String sql = call.getSQLString();
        return sql == null ? null : engine.analyze(sql);
    }

    private static boolean isRowRead(DatabaseCall call, AbstractSession session) {
        return (call.isOneRowReturned() || call.areManyRowsReturned())
                && !call.isCursorReturned()
                // EclipseLink scrolls to a first result the SQL cannot skip itself; the rows are a plain page
                && (!call.isResultSetScrollable() || call.getFirstResult() != 0)
                && !call.isLOBLocatorNeeded()
                && !call.hasMultipleResultSets()
                && !session.isConcurrent();
    }

    private Object read(DatabaseCall call, StatementInfo info, AbstractRecord row, AbstractSession session,
            boolean batch) {
        DatabaseQuery query = call.getQuery();
        if (query != null && (isCacheDisabledFor(query) || isLockQuery(query))) {
            return super.basicExecuteCall(call, row, session, batch);
        }
        List<?> parameters = call.getParameters() == null ? List.of() : call.getParameters();
        return engine.read(info, call.getSQLString(), parameters, call.getFirstResult(), call.getMaxRows(),
                transactions.forRead(session), new EclipseLinkRead(call, row, session, batch));
    }

    private Object write(DatabaseCall call, StatementInfo info, AbstractRecord row, AbstractSession session,
            boolean batch) {
        DatabaseQuery query = call.getQuery();
        if (query != null && isNativeSql(query) && !engine.settings().invalidateNative()) {
            return super.basicExecuteCall(call, row, session, batch);
        }
        TransactionState transaction = transactions.forWrite(session, isInTransaction());
        if (transaction != null) {
            transaction.record(info);
            return super.basicExecuteCall(call, row, session, batch);
        }
        try {
            return super.basicExecuteCall(call, row, session, batch);
        } finally {
            engine.written(info);
        }
    }

    /**
     * Whether the application wrote this SQL (a native query). {@code executeUpdate} turns a native query into a
     * new {@code DataModifyQuery} that keeps only its "user defined" mark, not its "user defined SQL" one.
     */
    private static boolean isNativeSql(DatabaseQuery query) {
        return query.isUserDefinedSQLCall() || (query.isUserDefined() && query.isDataModifyQuery());
    }

    private static boolean isCacheDisabledFor(DatabaseQuery query) {
        Object flag = query.getProperty(CachalotProperties.QUERY_CACHE);
        return flag != null && "false".equalsIgnoreCase(flag.toString().strip());
    }

    private static boolean isLockQuery(DatabaseQuery query) {
        return query instanceof ObjectLevelReadQuery read && read.isLockQuery();
    }

    /**
     * Whether rows just read may be stored for everyone: not when this connection is inside a database
     * transaction whose snapshot may be older than the tokens read before (REPEATABLE READ and above).
     * Asked while the statement runs: with external pooling the connection is held only then.
     */
    private boolean connectionMayStore() {
        try {
            Connection connection = getConnection();
            if (connection == null) {
                return false;
            }
            if (!isInTransaction() && connection.getAutoCommit()) {
                return true;
            }
            return connection.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** One EclipseLink read, run for real or rebuilt from cached rows. */
    private final class EclipseLinkRead implements ReadCall<Object> {
        private final DatabaseCall call;
        private final AbstractRecord row;
        private final AbstractSession session;
        private final boolean batch;
        private boolean storable;

        EclipseLinkRead(DatabaseCall call, AbstractRecord row, AbstractSession session, boolean batch) {
            this.call = call;
            this.row = row;
            this.session = session;
            this.batch = batch;
        }

        @Override
        public Object execute() {
            storable = false;
            pendingRead = this;
            try {
                return CachingAccessor.super.basicExecuteCall(call, row, session, batch);
            } finally {
                pendingRead = null;
            }
        }

        @Override
        public boolean mayStore() {
            return storable;
        }

        @Override
        public CachedResult capture(Object result, int maxRows) {
            if (result == null) {
                return new CachedResult(new String[0], new Object[0][], true);
            }
            if (result instanceof AbstractRecord single) {
                if (maxRows < 1) {
                    return null;
                }
                Object[] values = copyRow(single);
                return values == null ? null : new CachedResult(columnNames(single.getFields()), new Object[][] {values}, true);
            }
            if (!(result instanceof List<?> records) || records.size() > maxRows) {
                return null;
            }
            Object[][] rows = new Object[records.size()][];
            String[] columns = call.getFields() == null ? null : columnNames(call.getFields());
            for (int i = 0; i < rows.length; i++) {
                if (!(records.get(i) instanceof AbstractRecord record)) {
                    return null;
                }
                if (columns == null) {
                    columns = columnNames(record.getFields());
                }
                rows[i] = copyRow(record);
                if (rows[i] == null) {
                    return null;
                }
            }
            return new CachedResult(columns == null ? new String[0] : columns, rows, false);
        }

        @Override
        public Object rebuild(CachedResult cached) {
            Vector<DatabaseField> fields = call.getFields();
            DatabaseField[] fieldsArray;
            if (fields != null && sameNames(fields, cached.columns())) {
                fieldsArray = call.getFieldsArray();
            } else {
                fields = new Vector<>(cached.columns().length);
                for (String column : cached.columns()) {
                    fields.add(column == null ? null : new DatabaseField(column));
                }
                fieldsArray = fields.toArray(new DatabaseField[0]);
            }
            Object[][] rows = cached.rows();
            if (cached.singleRow()) {
                return rows.length == 0 ? null : new ArrayRecord(fields, fieldsArray, copyOut(rows[0]));
            }
            Vector<AbstractRecord> records = new Vector<>(rows.length);
            for (Object[] values : rows) {
                records.add(new ArrayRecord(fields, fieldsArray, copyOut(values)));
            }
            return records;
        }

        private Object[] copyRow(AbstractRecord record) {
            List<Object> values = record.getValues();
            Object[] copy = new Object[values.size()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = ReadCall.copyValue(values.get(i));
                if (copy[i] == ReadCall.UNSUPPORTED) {
                    return null;
                }
            }
            return copy;
        }

        private Object[] copyOut(Object[] values) {
            Object[] copy = new Object[values.length];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = ReadCall.copyValue(values[i]);
            }
            return copy;
        }
    }

    private static String[] columnNames(List<DatabaseField> fields) {
        String[] names = new String[fields.size()];
        for (int i = 0; i < names.length; i++) {
            DatabaseField field = fields.get(i);
            names[i] = field == null ? null : field.getName();
        }
        return names;
    }

    private static boolean sameNames(List<DatabaseField> fields, String[] names) {
        if (fields.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            DatabaseField field = fields.get(i);
            String name = field == null ? null : field.getName();
            if (name == null ? names[i] != null : !name.equals(names[i])) {
                return false;
            }
        }
        return true;
    }
}
