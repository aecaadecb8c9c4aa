package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Network trouble between the driver and the real server: connections cut mid-stream (the driver
 * reattaches and loses or repeats no row), a silent network (the network timeout bounds the wait
 * and closes the connection, as JDBC specifies; in ServerFaultsTest, whose server may be left with
 * an abandoned operation).
 */
@ExtendWith(SparkConnectServerExtension.class)
class NetworkFaultsTest {
  private static final Executor DIRECT = Runnable::run;

  @Test
  void connectionsCutMidStreamAreResumedWithoutLosingOrRepeatingRows(SparkConnectServer server)
      throws Exception {
    long rows = 3_000_000;
    try (CuttingProxy proxy = new CuttingProxy(server.port(), 4 * 1024 * 1024);
        Connection c = DriverManager.getConnection(proxy.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM range(0, " + rows + ")")) {
      long count = 0;
      long sum = 0;
      long expectedNext = 0;
      boolean inOrder = true;
      while (rs.next()) {
        long id = rs.getLong(1);
        inOrder &= id == expectedNext++;
        sum += id;
        count++;
      }
      System.out.println("stream cut " + proxy.cuts() + " times; all rows read");
      assertThat(proxy.cuts()).as("connections cut by the proxy").isGreaterThanOrEqualTo(2);
      assertThat(count).isEqualTo(rows);
      assertThat(sum).isEqualTo(rows * (rows - 1) / 2);
      assertThat(inOrder).isTrue();
    }
  }

  @Test
  void networkTimeoutLetsAnAnsweringServerWork(SparkConnectServer server) throws Exception {
    try (Connection c = DriverManager.getConnection(server.url())) {
      c.setNetworkTimeout(DIRECT, 30_000);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT sum(id) FROM range(0, 1000000)")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(499_999_500_000L);
      }
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
