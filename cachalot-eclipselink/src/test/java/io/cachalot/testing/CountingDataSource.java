package io.cachalot.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts, at the JDBC level, every statement execution that reaches the database, and
 * keeps their SQL. Handed to EclipseLink as the unit's data source, it is the tests' only witness of hits
 * (nothing executed) and misses (a statement executed). It opens a connection per request, unless made
 * with {@link #pooled(int)}.
 */
public final class CountingDataSource implements DataSource, AutoCloseable {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final String url;
    private final String user;
    private final String password;
    private final List<String> executed = new ArrayList<>();
    private final Pool pool;

    public CountingDataSource(String url, String user, String password) {
        this(url, user, password, null);
    }

    /** @param isolation the isolation level of a pooled data source, or null for a connection per request */
    private CountingDataSource(String url, String user, String password, Integer isolation) {
        this.url = url;
        this.user = user;
        this.password = password;
        // Made here so that the pool (an inner class) counts on this data source, not on the one it was made from.
        this.pool = isolation == null ? null : new Pool(isolation);
    }

    /**
     * A new counting data source on the same database that keeps its connections open in a small pool, every
     * one set to {@code isolation} (a {@link Connection} {@code TRANSACTION_*} level), so that each transaction
     * of a unit, reads in autocommit included, runs at that level without opening a connection per statement.
     * A connection handed back inside a transaction is rolled back; a broken one is dropped. It counts on its
     * own; {@link #close()} closes its idle connections.
     */
    public CountingDataSource pooled(int isolation) {
        return new CountingDataSource(url, user, password, isolation);
    }

    /** Forgets what was counted so far. */
    public synchronized void reset() {
        executed.clear();
    }

    /** How many statement executions reached the database since the last reset. */
    public synchronized int count() {
        return executed.size();
    }

    /** The SQL of each execution since the last reset, in order. */
    public synchronized List<String> statements() {
        return List.copyOf(executed);
    }

    /** How many executions since the last reset were SELECTs. */
    public synchronized long selects() {
        return executed.stream().filter(sql -> sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)
                || sql.stripLeading().regionMatches(true, 0, "WITH", 0, 4)).count();
    }

    private synchronized void executed(String sql) {
        executed.add(sql);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return pool == null ? counted(username, pass) : pool.lease();
    }

    private Connection counted(String username, String pass) throws SQLException {
        Connection connection = DriverManager.getConnection(url, username, pass);
        return proxy(Connection.class, connection, new ConnectionHandler(connection));
    }

    /** Closes the idle connections of a {@link #pooled(int) pooled} data source; nothing otherwise. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection target;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = CountingDataSource.invoke(target, method, args);
            String name = method.getName();
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, new StatementHandler(statement, (String) args[0]));
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, new StatementHandler(statement, (String) args[0]));
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return proxy(Statement.class, statement, new StatementHandler(statement, null));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final String preparedSql;

        StatementHandler(Statement target, String preparedSql) {
            this.target = target;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (EXECUTIONS.contains(method.getName())) {
                executed(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            }
            return CountingDataSource.invoke(target, method, args);
        }
    }

    private final class Pool {
        private final int isolation;
        private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

        Pool(int isolation) {
            this.isolation = isolation;
        }

        Connection lease() throws SQLException {
            Connection physical = idle.pollFirst();
            if (physical == null) {
                physical = counted(user, password);
                try {
                    physical.setTransactionIsolation(isolation);
                } catch (SQLException e) {
                    physical.close();
                    throw e;
                }
            }
            return proxy(Connection.class, physical, new LeaseHandler(physical));
        }

        void giveBack(Connection physical) {
            try {
                if (!physical.isClosed() && !physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
                if (!physical.isClosed()) {
                    idle.offerFirst(physical);
                }
            } catch (SQLException e) {
                closeQuietly(physical);
            }
        }

        void close() {
            for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Connection connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }

        private final class LeaseHandler implements InvocationHandler {
            private final Connection physical;
            private final AtomicBoolean returned = new AtomicBoolean();

            LeaseHandler(Connection physical) {
                this.physical = physical;
            }

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close" -> {
                        if (returned.compareAndSet(false, true)) {
                            giveBack(physical);
                        }
                        return null;
                    }
                    case "isClosed" -> {
                        if (returned.get()) {
                            return true;
                        }
                    }
                    default -> {
                        if (returned.get()) {
                            throw new SQLException("connection already handed back");
                        }
                    }
                }
                return CountingDataSource.invoke(physical, method, args);
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
