package dev.sparkjdbc.tck.appservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.security.SecuredServer;
import dev.sparkjdbc.tck.security.SecuredServerExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Apache Tomcat end to end: embedded Tomcat in a process of its own runs the context.xml of
 * docs/tools.md#tomcat (apps/tomcat), with the standalone driver jar on its classpath, against the
 * token-protected Spark Connect server of the security tests. A servlet looks up {@code
 * java:comp/env/jdbc/spark} (Tomcat's DBCP pool) and {@code jdbc/spark-direct} (the driver's
 * DataSource through its JNDI factory) and answers query results over HTTP.
 */
@ExtendWith(SecuredServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatTest {
  private static final String POOLED = "spark";
  private static final String DIRECT = "spark-direct";

  private static SecuredServer server;
  private static TomcatProcess tomcat;

  @BeforeAll
  static void startTomcat(SecuredServer securedServer) throws IOException {
    server = securedServer;
    tomcat = TomcatProcess.start("tomcat", environment(server.token()));
  }

  @AfterAll
  static void stopTomcat() {
    if (tomcat != null) {
      tomcat.close();
    }
  }

  @Test
  @Order(1)
  void pooledResourceAnswersQueries() {
    assertAnswers(POOLED);
  }

  @Test
  @Order(2)
  void factoryResourceAnswersQueries() {
    assertAnswers(DIRECT);
  }

  /**
   * Two requests in a row borrow the same pooled connection: the server ran both operations in one
   * Spark session. Through the unpooled factory resource, each request is a session of its own.
   */
  @Test
  @Order(3)
  void thePoolReusesItsConnection() {
    ServerOperations operations = server.operations();
    String first = sessionOf(operations, ok(POOLED, "SELECT 1"));
    String second = sessionOf(operations, ok(POOLED, "SELECT 2"));
    assertThat(second).as("Spark session of the second pooled request").isEqualTo(first);

    String direct1 = sessionOf(operations, ok(DIRECT, "SELECT 1"));
    String direct2 = sessionOf(operations, ok(DIRECT, "SELECT 2"));
    assertThat(direct2).as("unpooled: a new session per getConnection").isNotEqualTo(direct1);
    assertThat(direct1).isNotEqualTo(first);
  }

  @Test
  @Order(4)
  void aFailingQueryIsA500WithItsSqlState() {
    for (String dataSource : new String[] {POOLED, DIRECT}) {
      HttpResponse<String> response = tomcat.query(dataSource, "SELECT * FROM no_such_table_here");
      assertThat(response.statusCode()).as(dataSource + ": " + response.body()).isEqualTo(500);
      // Spark's TABLE_OR_VIEW_NOT_FOUND is 42P01.
      assertThat(response.body()).as(dataSource).startsWith("SQLSTATE 42P01: ");
    }
  }

  /** A wrong token in context.xml: every request fails cleanly with 28000, and no token shows. */
  @Test
  @Order(5)
  void aWrongTokenIsA500WithSqlState28() throws IOException {
    String wrong = "wrong-" + random();
    try (TomcatProcess badTomcat = TomcatProcess.start("tomcat-wrong-token", environment(wrong))) {
      for (String dataSource : new String[] {POOLED, DIRECT}) {
        HttpResponse<String> response = badTomcat.query(dataSource, "SELECT 1");
        assertThat(response.statusCode())
            .as(dataSource + ": " + response.body() + "\n" + badTomcat.logTail())
            .isEqualTo(500);
        assertThat(response.body())
            .as(dataSource)
            .containsPattern("(?m)^SQLSTATE 28\\w{3}: ")
            .doesNotContain(wrong)
            .doesNotContain(server.token());
      }
      // docs/tools.md says so: DBCP wraps the driver's 28000 into an exception without SQLSTATE,
      // the driver's own DataSource throws it as it is.
      assertThat(badTomcat.query(POOLED, "SELECT 1").body()).startsWith("SQLSTATE null: ");
      assertThat(badTomcat.query(DIRECT, "SELECT 1").body()).startsWith("SQLSTATE 28000: ");
      badTomcat.close();
      assertThat(badTomcat.log())
          .as("Tomcat's output with the wrong token")
          .doesNotContain(wrong)
          .doesNotContain(server.token());
    }
  }

  /** Last: Tomcat stops (closing its pool) and all its output is there to search. */
  @Test
  @Order(6)
  void theTokenNeverReachesTomcatsOutput() {
    tomcat.close();
    String log = tomcat.log();
    assertThat(log).as("Tomcat's output").contains("Tomcat ready on port");
    assertThat(log).as("Tomcat's output").doesNotContain(server.token());
    // Tomcat hands the factory its own attributes (auth, type, factory…) too: no warning for them.
    assertThat(log).as("Tomcat's output").doesNotContain("is no property of");
  }

  private static void assertAnswers(String dataSource) {
    // 0 + 1 + … + 999, and the squares of 0..3, computed here rather than by the driver.
    assertThat(ok(dataSource, "SELECT sum(id) FROM range(1000)").body()).isEqualTo("499500\n");
    String squares =
        LongStream.range(0, 4).mapToObj(i -> i + "\t" + i * i + "\n").collect(Collectors.joining());
    assertThat(ok(dataSource, "SELECT id, id * id AS sq FROM range(4) ORDER BY id").body())
        .isEqualTo(squares);
  }

  private static HttpResponse<String> ok(String dataSource, String sql) {
    HttpResponse<String> response = tomcat.query(dataSource, sql);
    assertThat(response.statusCode())
        .as(dataSource + " " + sql + ": " + response.body() + "\n" + tomcat.logTail())
        .isEqualTo(200);
    return response;
  }

  private static String sessionOf(ServerOperations operations, HttpResponse<String> response) {
    String operationId = response.headers().firstValue("X-Spark-Operation-Id").orElseThrow();
    return operations.started(operationId).sessionId();
  }

  private static Map<String, String> environment(String token) {
    return Map.of(
        "SPARK_HOST",
        "127.0.0.1",
        "SPARK_PORT",
        Integer.toString(server.port()),
        "SPARK_TOKEN",
        token);
  }

  private static String random() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
