package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Batches: a 10,000-row INSERT batch as one multi-row INSERT; Statement batches in order. */
@ExtendWith(SparkConnectServerExtension.class)
class BatchTest {

  @Test
  void tenThousandRowInsertBatch(SparkConnectServer server) throws SQLException {
    String table = "batch_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT, name STRING) USING parquet");
      try {
        try (PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
          for (int i = 0; i < 10_000; i++) {
            insert.setInt(1, i);
            insert.setString(2, "row '" + i + "'");
            insert.addBatch();
          }
          int[] counts = insert.executeBatch();
          assertThat(counts).as("one row per entry").hasSize(10_000).containsOnly(1);
          assertThat(insert.executeBatch()).isEmpty(); // the batch was consumed
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*), sum(id), count(DISTINCT name) FROM "
                    + table
                    + " WHERE name = concat('row ''', CAST(id AS STRING), '''')")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isEqualTo(10_000);
          assertThat(rs.getLong(2)).isEqualTo(10_000L * 9_999 / 2);
          assertThat(rs.getLong(3)).isEqualTo(10_000);
        }
      } finally {
        s.execute("DROP TABLE " + table);
      }
    }
  }

  @Test
  void statementBatchRunsInOrderAndRefusesQueries(SparkConnectServer server) throws SQLException {
    String table = "sbatch_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.addBatch("CREATE TABLE " + table + " (id INT) USING parquet");
      s.addBatch("INSERT INTO " + table + " VALUES (1), (2)");
      s.addBatch("INSERT INTO " + table + " VALUES (3)");
      assertThat(s.executeBatch()).hasSize(3);
      try (ResultSet rs = s.executeQuery("SELECT sum(id) FROM " + table)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(6);
      }
      s.addBatch("INSERT INTO " + table + " VALUES (4)");
      s.addBatch("SELECT * FROM " + table);
      assertThatThrownBy(s::executeBatch)
          .isInstanceOf(BatchUpdateException.class)
          .satisfies(e -> assertThat(((BatchUpdateException) e).getUpdateCounts()).hasSize(1));
      s.execute("DROP TABLE " + table);
    }
  }
}
