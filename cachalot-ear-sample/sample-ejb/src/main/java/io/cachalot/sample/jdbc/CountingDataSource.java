package io.cachalot.sample.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The sample's data source: the JDBC driver of the configured URL, with every statement execution counted by
 * {@link SqlCounter}, so that the pages and the tests can show how many statements reached the database.
 *
 * <p>The application defines it with {@code @DataSourceDefinition} (see {@code SampleData}); the server pools
 * its connections and enlists them in JTA transactions. The system properties {@code sample.db.url},
 * {@code sample.db.user} and {@code sample.db.password} override the defined values: that is how the sample
 * is started on PostgreSQL instead of the in-memory H2 database.
 */
public class CountingDataSource implements DataSource {

    public static final String URL_PROPERTY = "sample.db.url";
    public static final String USER_PROPERTY = "sample.db.user";
    public static final String PASSWORD_PROPERTY = "sample.db.password";

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;
    private volatile Driver driver;

    public String getUrl() {
        return System.getProperty(URL_PROPERTY, url);
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getURL() {
        return getUrl();
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public String getUser() {
        return System.getProperty(USER_PROPERTY, user);
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return System.getProperty(PASSWORD_PROPERTY, password);
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(getUser(), getPassword());
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (pass != null) {
            info.setProperty("password", pass);
        }
        Connection connection = driver().connect(getUrl(), info);
        if (connection == null) {
            throw new SQLException("The driver does not accept " + getUrl());
        }
        return counting(connection);
    }

    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found == null) {
            String target = getUrl();
            if (target == null) {
                throw new SQLException("No URL: set the data source's url or the system property " + URL_PROPERTY);
            }
            for (Driver candidate : ServiceLoader.load(Driver.class, CountingDataSource.class.getClassLoader())) {
                if (candidate.acceptsURL(target)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new SQLException("No JDBC driver for " + target + " in the application");
            }
            driver = found;
        }
        return found;
    }

    private static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, new InvocationHandler() {
            @Override
            public Object invoke(Object self, Method method, Object[] args) throws Throwable {
                Object result = call(connection, self, method, args);
                if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                    Class<? extends PreparedStatement> type =
                            prepared instanceof CallableStatement ? CallableStatement.class : PreparedStatement.class;
                    return counting(type, prepared, sql, (Connection) self);
                }
                if (result instanceof Statement statement) {
                    return counting(Statement.class, statement, null, (Connection) self);
                }
                return result;
            }
        });
    }

    private static <S extends Statement> S counting(Class<S> type, Statement statement, String prepared,
            Connection connection) {
        return proxy(type, statement, (self, method, args) -> {
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                SqlCounter.executed(sql == null ? "(batch)" : sql);
            }
            return call(statement, self, method, args);
        });
    }

    private static Object call(Object target, Object self, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(self)) {
            return self;
        }
        if (method.getName().equals("isWrapperFor") && ((Class<?>) args[0]).isInstance(self)) {
            return true;
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
