package io.ocpi.adapter.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, hears every change to the registry as it is committed, on any instance: a connection of its own,
 * outside the pool, listens on {@value #CHANNEL}, where each statement writing {@code peer}, {@code peer_token},
 * {@code peer_role} or {@code peer_endpoint} notifies in its transaction (migration
 * {@code db/postgresql/V13__registry_notifications.sql}, the payload naming the tables' schema). Each notification
 * for our schema makes {@link HolderCache} forget its holders. The connection is asked a question every second, so
 * that one that died without a word is found within {@value #SOCKET_TIMEOUT_SECONDS} s more; once it is lost, the
 * cache keeps nothing until the connection listens again. On another database nothing listens and the cache keeps
 * nothing.
 */
@Component
public class RegistryNotifications implements SmartLifecycle {

    static final String CHANNEL = "ocpi_registry";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryNotifications.class);
    private static final int WAIT_MILLIS = 250;
    private static final long CHECK_EVERY_MILLIS = 1_000;
    private static final int SOCKET_TIMEOUT_SECONDS = 2;
    private static final long RETRY_AFTER_MILLIS = 1_000;

    private final DataSource dataSource;
    private final HolderCache holders;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread thread;

    public RegistryNotifications(DataSource dataSource, HolderCache holders) {
        this.dataSource = dataSource;
        this.holders = holders;
    }

    @Override
    public void start() {
        HikariDataSource pool = pool();
        if (pool == null || pool.getJdbcUrl() == null || !pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            LOG.info("registry changes are not notified on this database: each request's caller is read from it");
            running = true;
            return;
        }
        running = true;
        thread = new Thread(() -> listen(pool), "registry-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private HikariDataSource pool() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private void listen(HikariDataSource pool) {
        while (running) {
            try (Connection connection = open(pool)) {
                listening = connection;
                String schema = listenOn(connection);
                holders.listening(true);
                LOG.info("listening for registry changes: callers are kept in memory until one is notified");
                long checked = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(WAIT_MILLIS);
                    if (notifications != null && concern(notifications, schema)) {
                        holders.forgetAll();
                    }
                    if (System.currentTimeMillis() - checked >= CHECK_EVERY_MILLIS) {
                        try (Statement check = connection.createStatement()) {
                            check.execute("SELECT 1");
                        }
                        checked = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("no longer listening for registry changes ({}): each request's caller is read from the database until"
                            + " listening again", e.getMessage());
                }
            } finally {
                holders.listening(false);
                listening = null;
            }
            pause();
        }
    }

    private static Connection open(HikariDataSource pool) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "ocpi-adapter registry notifications");
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    /** Listens, then answers the schema of the registry's tables as this connection finds them (the pool's as well). */
    private static String listenOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            try (ResultSet schema = statement.executeQuery(
                    "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = 'peer_token'::regclass")) {
                schema.next();
                return schema.getString(1);
            }
        }
    }

    private static boolean concern(PGNotification[] notifications, String schema) {
        for (PGNotification notification : notifications) {
            if (schema.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing to end the wait; the thread ends either way
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
