package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.Background;
import dev.sparkjdbc.tck.harness.OperationAssertions;
import dev.sparkjdbc.tck.harness.OwnServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that dies under a running query or a streaming result, and comes back. These tests kill
 * a server process of their own (the shared one serves every other test), restarting it on the same
 * port, as an operator would after a crash.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerFaultsTest {
  /**
   * Streams for half a minute. Many small partitions: Spark holds a partition's whole Arrow result
   * in memory, and large ones are lost from its block manager on a small OWN.server().
   */
  private static final String LONG_STREAM = CancelAndTimeoutTest.LONG_STREAM;

  /** A killed server must be reported this fast; measured values are printed. */
  private static final Duration DETECTION_LIMIT = Duration.ofSeconds(15);

  @RegisterExtension static final OwnServer OWN = new OwnServer(List.of());

  @Test
  @Order(1)
  void serverKilledWhileItRunsAQuery() throws Throwable {
    try (Connection c = DriverManager.getConnection(OWN.server().url())) {
      Statement s = c.createStatement();
      Background<ResultSet> query =
          Background.start(() -> s.executeQuery(CancelAndTimeoutTest.ENDLESS_COUNT));
      CancelAndTimeoutTest.awaitRunningJob(OWN.server(), s);

      long killed = System.nanoTime();
      OWN.server().kill();
      Throwable failure = query.failure(DETECTION_LIMIT);
      long detectionMillis = (query.finishedNanos() - killed) / 1_000_000;
      System.out.println("server killed mid-query: reported after " + detectionMillis + " ms");

      assertConnectionClass(failure);
      assertThat(c.isValid(5)).isFalse();
    } finally {
      OWN.restart();
    }
    try (Connection fresh = DriverManager.getConnection(OWN.server().url())) {
      OperationAssertions.assertUsable(fresh);
    }
  }

  @Test
  @Order(2)
  void serverKilledWhileRowsStream() throws Throwable {
    try (Connection c = DriverManager.getConnection(OWN.server().url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(LONG_STREAM)) {
      for (int i = 0; i < 10_000; i++) {
        assertThat(rs.next()).isTrue();
      }
      long killed = System.nanoTime();
      OWN.server().kill();
      Background<Long> reader =
          Background.start(
              () -> {
                long n = 0;
                while (rs.next()) {
                  n++;
                }
                return n;
              });
      Throwable failure = reader.failure(DETECTION_LIMIT);
      long detectionMillis = (reader.finishedNanos() - killed) / 1_000_000;
      System.out.println("server killed mid-stream: reported after " + detectionMillis + " ms");
      assertConnectionClass(failure);
      assertThat(c.isValid(5)).isFalse();
    } finally {
      OWN.restart();
    }
  }

  @Test
  @Order(3)
  void aConnectionFromBeforeTheRestartIsNoLongerValid() throws Throwable {
    Connection old = DriverManager.getConnection(OWN.server().url());
    try {
      OperationAssertions.assertUsable(old);
      OWN.restart();
      // The new server does not know the old session: the pool must see it as broken.
      assertThat(old.isValid(5)).isFalse();
      try (Connection fresh = DriverManager.getConnection(OWN.server().url())) {
        assertThat(fresh.isValid(5)).isTrue();
      }
    } finally {
      old.close();
    }
  }

  @Test
  @Order(4)
  void connectingToAStoppedServerFailsAtOnceWithA08State() throws Exception {
    OWN.server().kill();
    try {
      long start = System.nanoTime();
      SQLException e = connectFailure(OWN.server().url(), new Properties());
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("connect to a stopped server failed after " + millis + " ms");
      assertThat(e.getSQLState()).startsWith("08");
      assertThat(e.getMessage()).contains("127.0.0.1:" + OWN.port());
    } finally {
      OWN.restart();
    }
  }

  /**
   * A peer that accepts TCP connections and never speaks (a hung server, a wrong service): the
   * connect timeout bounds the wait.
   */
  @Test
  @Order(5)
  void connectTimeoutBoundsTheWaitForASilentServer() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              },
              "silent-peer");
      acceptor.setDaemon(true);
      acceptor.start();
      Properties p = new Properties();
      p.setProperty("connect_timeout", "2");
      long start = System.nanoTime();
      SQLException e = connectFailure("jdbc:sc://127.0.0.1:" + silent.getLocalPort(), p);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("connect_timeout=2 to a silent peer failed after " + millis + " ms");
      assertThat(e.getSQLState()).startsWith("08");
      assertThat(millis).isBetween(1900L, 8000L);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  @Order(6)
  void networkTimeoutEndsAWaitOnASilentNetworkAndClosesTheConnection() throws Throwable {
    try (CuttingProxy proxy = new CuttingProxy(OWN.server().port(), 0);
        Connection c = DriverManager.getConnection(proxy.url())) {
      OperationAssertions.assertUsable(c);
      c.setNetworkTimeout(Runnable::run, 1500);
      assertThat(c.getNetworkTimeout()).isEqualTo(1500);
      Statement s = c.createStatement();
      Background<Long> query =
          Background.start(
              () -> {
                long n = 0;
                try (ResultSet rs = s.executeQuery("SELECT id FROM range(0, 100000000, 1, 100)")) {
                  while (rs.next()) {
                    n++;
                  }
                }
                return n;
              });
      Thread.sleep(100);
      proxy.becomeBlackHole();
      long start = System.nanoTime();
      Throwable failure = query.failure(Duration.ofSeconds(20));
      long millis = (query.finishedNanos() - start) / 1_000_000;
      System.out.println(
          "network timeout of 1500 ms on a silent network fired after " + millis + " ms");
      assertThat(failure).isInstanceOf(SQLNonTransientConnectionException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("08006");
      assertThat(c.isClosed()).isTrue();
      assertThat(c.isValid(1)).isFalse();
    }
  }

  private static SQLException connectFailure(String url, Properties p) {
    try (Connection unexpected = DriverManager.getConnection(url, p)) {
      throw new AssertionError("connected to " + url);
    } catch (SQLException e) {
      return e;
    }
  }

  private static void assertConnectionClass(Throwable failure) {
    assertThat(failure).isInstanceOf(SQLException.class);
    assertThat(((SQLException) failure).getSQLState())
        .as("SQLSTATE of: %s", failure.getMessage())
        .startsWith("08");
  }
}
