package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sparkjdbc.jdbc.SparkConnectDataSource;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several endpoints in one URL against real servers: the shared server, a second one started here
 * with a conf only it has (so a query proves which server answered), a port with nothing listening,
 * and a socket that accepts connections but never answers. The last test stops the second server.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralEndpointsTest {
  /** Set on the second server only; the shared one has no such conf. */
  private static final String MARK = "spark.sparkjdbc.test.endpoint";

  private static final String SECOND = "second";
  private static final String SHARED = "<undefined>";

  private static SparkConnectServer second;

  /** A port nothing listens on: bound once to find it free, then closed. */
  private static int deadPort;

  @BeforeAll
  static void startSecondServer() throws IOException {
    second = SparkConnectServer.start(0, List.of("--conf", MARK + "=" + SECOND));
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = free.getLocalPort();
    }
  }

  @AfterAll
  static void stopSecondServer() {
    if (second != null) {
      second.close();
    }
  }

  /** {@code host:port} of a server, as its URL writes it. */
  private static String authority(SparkConnectServer server) {
    return server.url().substring("jdbc:sc://".length());
  }

  private static String dead() {
    return "127.0.0.1:" + deadPort;
  }

  /** Which server a connection reached: {@value #SECOND} or {@value #SHARED}. */
  private static String which(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SET " + MARK)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(2);
    }
  }

  private static String whichAnswers(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return which(c);
    }
  }

  @Test
  @Order(1)
  void aDownFirstEndpointFailsOverToTheSecond(SparkConnectServer shared) throws SQLException {
    assertThat(whichAnswers(shared.url())).isEqualTo(SHARED);
    String url = "jdbc:sc://" + dead() + "," + authority(second) + "/;user_agent=failover-test";
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(which(c)).isEqualTo(SECOND);
      // getURL keeps the list as given (without parameters); the connection names its server
      assertThat(c.getMetaData().getURL())
          .isEqualTo("jdbc:sc://" + dead() + "," + authority(second));
      assertThat(c.toString()).contains(second.url()).doesNotContain(dead());
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  @Order(2)
  void withoutLoadBalancingTheUrlsOrderIsHonoured(SparkConnectServer shared) throws SQLException {
    String sharedFirst = "jdbc:sc://" + authority(shared) + "," + authority(second);
    String secondFirst = "jdbc:sc://" + authority(second) + "," + authority(shared);
    for (int i = 0; i < 4; i++) {
      assertThat(whichAnswers(sharedFirst)).isEqualTo(SHARED);
      assertThat(whichAnswers(secondFirst)).isEqualTo(SECOND);
    }
  }

  @Test
  @Order(3)
  void loadBalancingSpreadsConnectionsOverBothServers(SparkConnectServer shared)
      throws SQLException {
    String url =
        "jdbc:sc://" + authority(shared) + "," + authority(second) + "/;load_balance_hosts=true";
    List<String> answered = new ArrayList<>();
    // Each connect picks the shared server first with probability 1/2: 30 connects that all
    // land on one server happen once in 5e8 runs.
    for (int i = 0; i < 30 && new HashSet<>(answered).size() < 2; i++) {
      answered.add(whichAnswers(url));
    }
    System.out.println("load_balance_hosts=true: servers answering in turn " + answered);
    assertThat(answered).contains(SHARED, SECOND);
  }

  @Test
  @Order(4)
  void aBlackHoledFirstEndpointCostsItsConnectTimeoutNotTheWholeConnect(SparkConnectServer shared)
      throws Exception {
    // Accepts TCP connections (the kernel's backlog) but never reads or answers: a host whose
    // network swallows everything after the handshake.
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String hole = "127.0.0.1:" + blackHole.getLocalPort();
      long start = System.nanoTime();
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:sc://" + hole + "," + authority(second) + "/;connect_timeout=2")) {
        assertThat(which(c)).isEqualTo(SECOND);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("black-holed first endpoint, connect_timeout=2: connected in " + millis);
      assertThat(millis).isBetween(1_900L, 9_000L);

      // A DataSource takes the list as its url; its login timeout (6 s) bounds the whole connect
      // and each endpoint gets a share (3 s), so the black hole cannot use it all.
      SparkConnectDataSource ds = new SparkConnectDataSource();
      ds.setUrl("jdbc:sc://" + hole + "," + authority(second));
      ds.setLoginTimeout(6);
      start = System.nanoTime();
      try (Connection c = ds.getConnection()) {
        assertThat(which(c)).isEqualTo(SECOND);
      }
      millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("black-holed first endpoint, DataSource login timeout 6 s: " + millis);
      assertThat(millis).isBetween(2_900L, 6_000L);
    }
  }

  @Test
  @Order(5)
  void aDataSourceLoadBalancesOverItsUrl(SparkConnectServer shared) throws SQLException {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setUrl("jdbc:sc://" + authority(shared) + "," + authority(second));
    ds.setLoadBalanceHosts(true);
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 30 && answered.size() < 2; i++) {
      try (Connection c = ds.getConnection()) {
        answered.add(which(c));
      }
    }
    assertThat(answered).containsExactlyInAnyOrder(SHARED, SECOND);
  }

  @Test
  @Order(6)
  void withEveryEndpointDownOne08001ListsEachWithItsReason() throws SQLException {
    String secondAuthority = authority(second);
    second.close();
    second = null;
    String url = "jdbc:sc://" + secondAuthority + "," + dead() + "/;token=tok-never-shown";
    long start = System.nanoTime();
    SQLException e =
        catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url));
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("both endpoints down, after " + millis + " ms: " + e);
    assertThat((Object) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage())
        .contains("[1] " + secondAuthority + ": ")
        .contains("[2] " + dead() + ": ")
        .contains("URL's order")
        .doesNotContain("tok-never-shown");
    List<SQLException> each = new ArrayList<>();
    for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
      each.add(next);
    }
    assertThat(each).hasSize(2);
    assertThat(each.get(0).getSQLState()).isEqualTo("08001");
    assertThat(each.get(0).getMessage()).contains(secondAuthority);
    assertThat(each.get(1).getSQLState()).isEqualTo("08001");
    assertThat(each.get(1).getMessage()).contains(dead());
    // What the transport said, not only gRPC's generic "io exception": a person can act on it.
    assertThat(each).allSatisfy(one -> assertThat(one.getMessage()).contains("Connection refused"));
    assertThat(e.getSuppressed()).containsExactlyElementsOf(each);
  }
}
