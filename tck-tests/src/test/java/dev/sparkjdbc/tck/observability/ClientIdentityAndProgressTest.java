package dev.sparkjdbc.tck.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectProgress;
import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators see on the server: the tags the driver puts on each operation (user agent,
 * application name) as Spark announces them to its listeners, the operation id a statement exposes,
 * and Spark's progress reports reaching a listener.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ClientIdentityAndProgressTest {
  /**
   * 24 rows in 6 partitions, each row sleeping 300 ms on the server: about 4 s on two cores, longer
   * than Spark's default progress interval of 2 s. The sum of ids is 0 + … + 23 = 276.
   */
  private static final String SLOW_SUM =
      "SELECT sum(id) AS total FROM (SELECT id, "
          + "reflect('java.lang.Thread', 'sleep', CAST(300 AS BIGINT)) AS slept "
          + "FROM range(0, 24, 1, 6)) WHERE length(coalesce(slept, '')) >= 0";

  @Test
  void userAgentAndApplicationNameFromTheUrlTagEveryOperation(SparkConnectServer server)
      throws SQLException {
    String url = server.url() + "/;user_agent=report-tool;application_name=Quarterly Report";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertThat(c.getClientInfo("ApplicationName")).isEqualTo("Quarterly Report");
      s.executeQuery("SELECT 1").close();
      ServerOperations.Started op = server.operations().started(operationId(s));

      assertThat(op.tags())
          .containsExactlyInAnyOrder("user_agent=report-tool", "application=Quarterly Report");
      assertThat(op.clientType()).startsWith("sparkjdbc/");
    }
  }

  @Test
  void setClientInfoChangesTheTagOfLaterOperations(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement p = c.prepareStatement("SELECT ? AS x")) {
      p.setInt(1, 1);
      p.executeQuery().close();
      assertThat(server.operations().started(operationId(p)).tags())
          .containsExactly("user_agent=sparkjdbc");

      // Spark refuses tags holding its separator ',': the driver sends ';' instead.
      c.setClientInfo("ApplicationName", "Dash, board\n2");
      p.executeQuery().close();
      assertThat(server.operations().started(operationId(p)).tags())
          .containsExactlyInAnyOrder("user_agent=sparkjdbc", "application=Dash; board 2");
      assertThat(c.getClientInfo("ApplicationName")).isEqualTo("Dash, board\n2");

      Properties none = new Properties();
      c.setClientInfo(none);
      p.executeQuery().close();
      assertThat(server.operations().started(operationId(p)).tags())
          .containsExactly("user_agent=sparkjdbc");
    }
  }

  @Test
  void theMetadataListsApplicationNameAsAClientInfoProperty(SparkConnectServer server)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        ResultSet rs = c.getMetaData().getClientInfoProperties()) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString("NAME"));
        assertThat(rs.getInt("MAX_LEN")).isPositive();
      }
      assertThat(names).containsExactly("ApplicationName");
    }
  }

  @Test
  void theOperationIdIsTheOneTheServerRan(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      assertThat(s.unwrap(SparkConnectStatementInfo.class).lastOperationId()).isEmpty();
      s.executeQuery("SELECT 2").close();
      String first = operationId(s);
      s.executeQuery("SELECT 3").close();
      String second = operationId(s);

      assertThat(second).isNotEqualTo(first);
      assertThat(server.operations().started(first).operationId()).isEqualTo(first);
      assertThat(server.operations().started(second).sessionId())
          .isEqualTo(server.operations().started(first).sessionId());
    }
  }

  @Test
  void progressReportsOfALongQueryReachTheListenerOnTheExecutingThread(SparkConnectServer server)
      throws SQLException {
    List<SparkConnectProgress> reports = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.unwrap(SparkConnectStatementInfo.class)
          .setProgressListener(
              p -> {
                reports.add(p);
                threads.add(Thread.currentThread());
              });
      try (ResultSet rs = s.executeQuery(SLOW_SUM)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(276);
      }
      String operationId = operationId(s);

      assertThat(reports).as("progress reports of a ~4 s query").isNotEmpty();
      assertThat(threads).containsOnly(Thread.currentThread());
      for (SparkConnectProgress report : reports) {
        assertThat(report.operationId()).isEqualTo(operationId);
        assertThat(report.completedTasks()).isBetween(0L, report.totalTasks());
        assertThat(report.inflightTasks()).isNotNegative();
      }
      // The scan of range(0, 24, 1, 6) is one stage of 6 tasks.
      assertThat(reports)
          .anySatisfy(
              report ->
                  assertThat(report.stages())
                      .anySatisfy(stage -> assertThat(stage.tasks()).isEqualTo(6)));
      System.out.printf(
          "progress: %d reports, last %d/%d tasks%n",
          reports.size(),
          reports.get(reports.size() - 1).completedTasks(),
          reports.get(reports.size() - 1).totalTasks());

      // Removing the listener stops the reports.
      s.unwrap(SparkConnectStatementInfo.class).setProgressListener(null);
      int before = reports.size();
      s.executeQuery(SLOW_SUM).close();
      assertThat(reports).hasSize(before);
    }
  }

  @Test
  void aFailingListenerDoesNotDisturbTheQuery(SparkConnectServer server) throws SQLException {
    List<SparkConnectProgress> reports = Collections.synchronizedList(new ArrayList<>());
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.unwrap(SparkConnectStatementInfo.class)
          .setProgressListener(
              p -> {
                reports.add(p);
                throw new IllegalStateException("listener bug");
              });
      try (ResultSet rs = s.executeQuery(SLOW_SUM)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(276);
      }
      assertThat(reports).isNotEmpty();
    }
  }

  private static String operationId(Statement s) throws SQLException {
    return s.unwrap(SparkConnectStatementInfo.class).lastOperationId().orElseThrow();
  }
}
