package org.diminet.server.persistence;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.diminet.core.operation.Transactions;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One JDBC transaction around a piece of core work: the store and journal calls inside join it
 * (Spring binds the connection to the thread), so they commit together or not at all.
 */
public final class JdbcTransactions implements Transactions {
    private final TransactionTemplate template;

    public JdbcTransactions(DataSource dataSource) {
        this.template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
