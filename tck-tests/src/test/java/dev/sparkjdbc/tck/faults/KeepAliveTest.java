package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.Background;
import dev.sparkjdbc.tck.harness.OperationAssertions;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A network that silently stops delivering packets (a NAT or load balancer that forgot the
 * connection, a cable pulled between two switches): no FIN, no RST, nothing. Without a network
 * timeout, only the driver's HTTP/2 keep-alive pings notice it. A real server cannot produce this
 * fault, so an in-process relay ({@link CuttingProxy}) stands between driver and server and stops
 * forwarding without closing either socket. Keep-alive at gRPC's minimum (10 s) with a 5 s timeout
 * keeps the test short; the measured detection times are printed. The server is the test's own: an
 * operation cut off from its client stays on the server until Spark's own clean-up.
 */
class KeepAliveTest {
  private static final int KEEP_ALIVE_SECONDS = 10;
  private static final int KEEP_ALIVE_TIMEOUT_SECONDS = 5;

  /** Generous: keep-alive time + timeout is 15 s; this only rules out a hang. */
  private static final Duration DETECTION_BOUND = Duration.ofSeconds(90);

  private static SparkConnectServer server;

  @BeforeAll
  static void startOwnServer() {
    server = SparkConnectServer.start(0, List.of());
  }

  @AfterAll
  static void stopOwnServer() {
    if (server != null) {
      server.close();
    }
  }

  private static Properties keepAlive() {
    Properties p = new Properties();
    p.setProperty("grpc_keep_alive_time", Integer.toString(KEEP_ALIVE_SECONDS));
    p.setProperty("grpc_keep_alive_timeout", Integer.toString(KEEP_ALIVE_TIMEOUT_SECONDS));
    return p;
  }

  @Test
  void theFirstCallOnAnIdleConnectionAfterTheNetworkWentSilentFailsWith08S01() throws Throwable {
    try (CuttingProxy proxy = new CuttingProxy(server.port(), 0);
        Connection c = DriverManager.getConnection(proxy.url(), keepAlive())) {
      OperationAssertions.assertUsable(c);
      proxy.becomeBlackHole();
      long start = System.nanoTime();
      Background<Integer> query =
          Background.start(
              () -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      Throwable failure = query.failure(DETECTION_BOUND);
      long millis = (query.finishedNanos() - start) / 1_000_000;
      System.out.println(
          "keep-alive "
              + KEEP_ALIVE_SECONDS
              + " s + "
              + KEEP_ALIVE_TIMEOUT_SECONDS
              + " s, idle connection on a silent network: the next query failed after "
              + millis
              + " ms: "
              + failure);
      assertLinkFailure(failure);
    }
  }

  @Test
  void aRunningQueryOnASilentNetworkFailsWith08S01() throws Throwable {
    try (CuttingProxy proxy = new CuttingProxy(server.port(), 0);
        Connection c = DriverManager.getConnection(proxy.url(), keepAlive())) {
      Statement s = c.createStatement();
      Background<ResultSet> query =
          Background.start(() -> s.executeQuery(CancelAndTimeoutTest.ENDLESS_COUNT));
      CancelAndTimeoutTest.awaitRunningJob(server, s);
      proxy.becomeBlackHole();
      long start = System.nanoTime();
      Throwable failure = query.failure(DETECTION_BOUND);
      long millis = (query.finishedNanos() - start) / 1_000_000;
      System.out.println(
          "keep-alive "
              + KEEP_ALIVE_SECONDS
              + " s + "
              + KEEP_ALIVE_TIMEOUT_SECONDS
              + " s, running query on a silent network: failed after "
              + millis
              + " ms: "
              + failure);
      assertLinkFailure(failure);
    }
  }

  private static void assertLinkFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(SQLException.class);
    assertThat(((SQLException) failure).getSQLState())
        .as("SQLSTATE of %s", failure)
        .isEqualTo("08S01");
  }
}
