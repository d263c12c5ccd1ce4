package io.ocpi.adapter.bindings;

import io.ocpi.adapter.push.EventBatchWork;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing database as the routes find it ({@code #billing}), and the unit of work in which the outbox hands a
 * route several events ({@link EventBatchWork}): one transaction on this database, so that the line items (or any
 * other rows) the route writes for them commit once, not once per event. The transaction takes a connection only
 * when a route first writes: a route that writes elsewhere (SFTP, Kafka) does not depend on billing being up.
 * Outside a unit, a route's statements commit as they run, as before.
 */
public final class BillingDatabase implements EventBatchWork {

    private final DataSource routes;
    private final TransactionTemplate unit;
    private final JdbcTemplate statements;
    private final ThreadLocal<Boolean> connected = ThreadLocal.withInitial(() -> false);

    public BillingDatabase(DataSource database) {
        LazyConnectionDataSourceProxy lazy = new LazyConnectionDataSourceProxy();
        lazy.setTargetDataSource(new DelegatingDataSource(database) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                connected.set(true);
                return connection;
            }
        });
        // Known, so that the proxy does not open a connection at the start to ask.
        lazy.setDefaultAutoCommit(true);
        lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        this.routes = lazy;
        this.unit = new TransactionTemplate(new DataSourceTransactionManager(lazy));
        this.statements = new JdbcTemplate(lazy);
    }

    /** What the routes write to and read from. */
    public DataSource dataSource() {
        return routes;
    }

    /**
     * Commits what the deliveries wrote, in one transaction. A statement that failed may have ended the transaction
     * without a word (PostgreSQL then answers the commit with a rollback, and its driver says nothing): a unit that
     * wrote is asked whether its transaction still stands before it is committed, and throws when it does not.
     */
    @Override
    public void inOne(Runnable deliveries) {
        connected.set(false);
        try {
            unit.executeWithoutResult(tx -> {
                deliveries.run();
                if (connected.get()) {
                    statements.queryForObject("SELECT 1", Integer.class);
                }
            });
        } finally {
            connected.remove();
        }
    }
}
