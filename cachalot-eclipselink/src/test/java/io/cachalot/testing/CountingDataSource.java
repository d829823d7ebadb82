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
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts, at the JDBC level, every statement execution that reaches the database, and
 * keeps their SQL. Handed to EclipseLink as the unit's data source, it is the tests' only witness of hits
 * (nothing executed) and misses (a statement executed).
 */
public final class CountingDataSource implements DataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final String url;
    private final String user;
    private final String password;
    private final List<String> executed = new ArrayList<>();

    public CountingDataSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
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
        Connection connection = DriverManager.getConnection(url, username, pass);
        return proxy(Connection.class, connection, new ConnectionHandler(connection));
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
