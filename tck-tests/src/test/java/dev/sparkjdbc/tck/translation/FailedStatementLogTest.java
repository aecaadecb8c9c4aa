package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A translated plan the server rejects for the statement's own reason (a missing table) is retried
 * as text, which fails too: the user gets Spark's error for the text, and nothing in their log (an
 * app server's, say) asks for a bug report.
 */
@ExtendWith(SparkConnectServerExtension.class)
class FailedStatementLogTest {

  @Test
  void aStatementThatFailsAsTextTooAsksForNoReport(SparkConnectServer server) throws SQLException {
    try (DriverLogCapture log = new DriverLogCapture();
        Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT id FROM no_such_table_for_log_test"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"))
          .hasMessageContaining("no_such_table_for_log_test");
      assertThat(log.records())
          .filteredOn(r -> r.getLevel().intValue() >= Level.INFO.intValue())
          .noneSatisfy(r -> assertThat(r.getMessage()).containsIgnoringCase("report"));
      // The retry did happen: at FINE, the driver says the text failed as well.
      assertThat(log.records())
          .anySatisfy(r -> assertThat(r.getMessage()).contains("failed as SQL text too"));
    }
  }
}
