package dev.sparkjdbc.apps.springboot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code @Transactional} methods as users write them. Spring switches the connection's auto-commit
 * off, and commits or rolls back at the end; Spark has no transactions, so the driver accepts both
 * and undoes nothing (docs/limitations.md). {@link Outcome} reports what the method saw on its
 * connection, so that a client can check it.
 */
@Service
class LedgerService {
  /**
   * What a transactional method saw: whether Spring's transaction was active, the auto-commit state
   * of its connection, the SQLSTATE of the connection's first warning, and the ledger rows with the
   * tag afterwards (-1 until counted).
   */
  record Outcome(boolean transactionActive, boolean autoCommit, String warningSqlState, long rows) {
    Outcome withRows(long count) {
      return new Outcome(transactionActive, autoCommit, warningSqlState, count);
    }
  }

  /** Thrown after the insert, so that Spring rolls the transaction back. */
  static final class SimulatedFailure extends RuntimeException {
    private final transient Outcome outcome;

    SimulatedFailure(Outcome outcome) {
      super("simulated failure after the insert");
      this.outcome = outcome;
    }

    Outcome outcome() {
      return outcome;
    }
  }

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  LedgerService(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  @Transactional
  public Outcome record(String tag) {
    Outcome seen = insert(tag);
    return seen.withRows(rows(tag));
  }

  @Transactional
  public void recordThenFail(String tag) {
    throw new SimulatedFailure(insert(tag));
  }

  public long rows(String tag) {
    return jdbc.sql("SELECT count(*) FROM ledger WHERE tag = :tag")
        .param("tag", tag)
        .query(Long.class)
        .single();
  }

  private Outcome insert(String tag) {
    jdbc.sql("CREATE TABLE IF NOT EXISTS ledger (tag STRING, amount INT) USING parquet").update();
    Outcome seen = observeConnection();
    jdbc.sql("INSERT INTO ledger VALUES (:tag, 1)").param("tag", tag).update();
    return seen;
  }

  /** The transaction's own connection: the one JdbcClient uses inside this method. */
  private Outcome observeConnection() {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      SQLWarning warning = connection.getWarnings();
      return new Outcome(
          TransactionSynchronizationManager.isActualTransactionActive(),
          connection.getAutoCommit(),
          warning == null ? null : warning.getSQLState(),
          -1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
