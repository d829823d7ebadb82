package io.cachalot.reliability;

import io.cachalot.testing.CountingDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small pool of the counting data source's connections, every one set to one isolation level, so that each
 * transaction of a unit (reads in autocommit included) runs at that level without opening a connection per
 * statement. A connection handed back inside a transaction is rolled back; a broken one is dropped.
 */
final class IsolatedDataSource implements DataSource, AutoCloseable {

    private final CountingDataSource counting;
    private final int isolation;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    IsolatedDataSource(CountingDataSource counting, int isolation) {
        this.counting = counting;
        this.isolation = isolation;
    }

    CountingDataSource counting() {
        return counting;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = idle.pollFirst();
        if (physical == null) {
            physical = counting.getConnection();
            try {
                physical.setTransactionIsolation(isolation);
            } catch (SQLException e) {
                physical.close();
                throw e;
            }
        }
        return lease(physical);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Connection lease(Connection physical) {
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
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
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection physical) {
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

    /** Closes the idle connections. */
    @Override
    public void close() {
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
