package dev.sparkjdbc.tck.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectDataSource;
import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SparkConnectDataSource} against the real server: configured through its bean properties
 * (serverName/portNumber or url), as app servers and pools configure it.
 */
@ExtendWith(SparkConnectServerExtension.class)
class DataSourceTest {
  /** 7 with ANSI quoting ("a" is the column), the string a with Spark's (it is a literal). */
  static final String QUOTING_PROBE = "SELECT \"a\" FROM (SELECT 7 AS a)";

  /**
   * A result that keeps streaming while a test looks at its operation on the server. Many small
   * partitions: Spark holds a partition's whole Arrow result in memory, and large ones are lost
   * from its block manager on a small server.
   */
  static final String STREAMING = "SELECT id FROM range(0, 20000000, 1, 40)";

  /** The server's host, as its URL names it. */
  static String host(SparkConnectServer server) {
    String rest = server.url().substring("jdbc:sc://".length());
    return rest.substring(0, rest.lastIndexOf(':'));
  }

  static String queryOne(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      return rs.getString(1);
    }
  }

  @Test
  void serverNameAndPortNumberConnectAndBeanPropertiesApply(SparkConnectServer server)
      throws SQLException {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setServerName(host(server));
    ds.setPortNumber(server.port());
    ds.setQuoting("ansi");
    ds.setConnectTimeout(30);
    DataSource asDataSource = ds;
    try (Connection c = asDataSource.getConnection()) {
      assertThat(c.isValid(5)).isTrue();
      assertThat(queryOne(c, QUOTING_PROBE)).isEqualTo("7");
      assertThat((Object) c.getWarnings()).isNull();
    }
    ds.setQuoting(null); // back to the default: back-ticks, "a" is a string
    try (Connection c = ds.getConnection()) {
      assertThat(queryOne(c, QUOTING_PROBE)).isEqualTo("a");
    }
  }

  @Test
  void urlConnectsAndItsParametersWinOverBeanProperties(SparkConnectServer server)
      throws SQLException {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setUrl(server.url() + "/;quoting=ansi");
    ds.setQuoting("backtick");
    try (Connection c = ds.getConnection()) {
      assertThat(queryOne(c, QUOTING_PROBE)).isEqualTo("7");
    }
  }

  @Test
  void getConnectionWithUserAndPasswordConnectsAsThatUser(SparkConnectServer server)
      throws Exception {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setUrl(server.url());
    ds.setUser("bean-user");
    try (Connection c = ds.getConnection("ana", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(STREAMING)) {
      assertThat(rs.next()).isTrue();
      String operation = s.unwrap(SparkConnectStatementInfo.class).lastOperationId().orElseThrow();
      ServerOperations.Operation op =
          server.operations().list().stream()
              .filter(o -> o.operationId().equals(operation))
              .findFirst()
              .orElseThrow();
      assertThat(op.userId()).isEqualTo("ana");
    }
  }

  @Test
  void logWriterHearsOfTheConnectionAndItsWarnings(SparkConnectServer server) throws SQLException {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    StringWriter log = new StringWriter();
    ds.setLogWriter(new PrintWriter(log));
    ds.setUrl(server.url() + "/;tokn=hidden-value");
    try (Connection c = ds.getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    }
    assertThat(log.toString())
        .contains("Connected")
        .contains("did you mean 'token'?")
        .doesNotContain("hidden-value");
  }

  /** A peer that accepts TCP but never speaks: only a timeout ends the connect. */
  @Test
  void loginTimeoutWinsOverConnectTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress("127.0.0.1", 0), 50);
      SparkConnectDataSource ds = new SparkConnectDataSource();
      ds.setServerName("127.0.0.1");
      ds.setPortNumber(silent.getLocalPort());
      ds.setConnectTimeout(60);
      ds.setLoginTimeout(2);
      long start = System.nanoTime();
      assertThatThrownBy(ds::getConnection)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis)
          .as("connect gave up after the login timeout of 2 s")
          .isBetween(1_900L, 15_000L);
    }
  }
}
