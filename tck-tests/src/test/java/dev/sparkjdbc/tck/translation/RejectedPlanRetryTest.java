package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Never worse than text: when the server refuses a translated plan, the statement runs as the SQL
 * text Spark would have read, says so, and logs it; the connection then sends that text as text.
 * The refusal comes from {@link PlanRejectingProxy} (a fault only a translator bug produces) in
 * front of the real server, which answers the text.
 */
@Tag("smoke")
@ExtendWith(SparkConnectServerExtension.class)
class RejectedPlanRetryTest {
  private static final String QUERY = "SELECT id * 2 AS doubled FROM (SELECT 1 AS id) ORDER BY 1";

  private static PlanRejectingProxy proxy;

  @BeforeAll
  static void startProxy(SparkConnectServer server) throws Exception {
    proxy = new PlanRejectingProxy(server.port());
  }

  @AfterAll
  static void stopProxy() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void aRejectedPlanRunsAsTextSaysSoAndIsRemembered() throws SQLException {
    DriverLogCapture capture = new DriverLogCapture();
    List<LogRecord> logged = capture.records();
    try (Connection c = DriverManager.getConnection(proxy.url());
        Statement s = c.createStatement()) {
      int before = proxy.rejected();
      try (ResultSet rs = s.executeQuery(QUERY)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("doubled")).isEqualTo(2);
        assertThat(rs.next()).isFalse();
      }
      SparkConnectStatementInfo info = s.unwrap(SparkConnectStatementInfo.class);
      assertThat(info.lastStatementTranslated()).isFalse();
      assertThat(info.lastFallbackReason().orElseThrow())
          .contains("the server rejected the translated plan")
          .contains("INTERNAL_ERROR");
      assertThat(proxy.rejected()).isEqualTo(before + 1);
      assertThat(logged)
          .anySatisfy(
              r -> {
                assertThat(r.getLevel()).isEqualTo(Level.INFO);
                assertThat(r.getMessage()).contains("rejected a translated plan");
              });
      assertThat(logged)
          .filteredOn(r -> r.getLevel().intValue() >= Level.INFO.intValue())
          .noneSatisfy(r -> assertThat(r.getMessage()).contains("doubled"));

      // the same text again: straight to text, no second refusal
      try (ResultSet rs = s.executeQuery(QUERY)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
      assertThat(proxy.rejected()).isEqualTo(before + 1);
      assertThat(info.lastFallbackReason().orElseThrow())
          .contains("the server rejected the translated plan");
    } finally {
      capture.close();
    }
  }

  @Test
  void aPreparedStatementWhosePlanIsRejectedRunsAsTextWithItsValue() throws SQLException {
    try (Connection c = DriverManager.getConnection(proxy.url());
        PreparedStatement p = c.prepareStatement("SELECT ? + 1 AS next FROM (SELECT 1 AS one)")) {
      for (long v : new long[] {41, 99}) {
        p.setLong(1, v);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong("next")).isEqualTo(v + 1);
        }
      }
      assertThat(p.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated()).isFalse();
    }
  }

  @Test
  void strictModeReportsTheRefusalInsteadOfSendingText() throws SQLException {
    try (Connection c = DriverManager.getConnection(proxy.url() + "/;translation_mode=strict");
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(QUERY))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("INTERNAL_ERROR");
      // a command goes as text in every mode and still runs
      assertThat(s.execute("SHOW NAMESPACES")).isTrue();
    }
  }
}
