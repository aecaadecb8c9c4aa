package dev.sparkjdbc.tck.appservers;

import static dev.sparkjdbc.tck.appservers.SpringBootJson.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Spring Boot application of apps/spring-boot (Boot 4, its BOM's versions, the standalone
 * driver jar) as a separate process, configured only by {@code application.properties}: a HikariCP
 * pool with the token as the password, JdbcClient queries, {@code @Transactional} methods and
 * actuator's health, against a token-protected Spark Connect server of its own, which the last
 * tests stop. The recipe in docs/tools.md ("Spring Boot") is this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringBootTest {
  private static final String POOL_NAME = "spark-pool";
  private static final int MAX_POOL_SIZE = 4;

  /** Hikari waits this long for a connection: the bound on a DOWN health check. */
  private static final int CONNECTION_TIMEOUT_MS = 5000;

  private static final Duration HEALTH_DOWN_WITHIN = Duration.ofSeconds(60);
  private static final Duration HEALTH_ANSWERS_WITHIN = Duration.ofSeconds(20);

  private final Path jar = Path.of(BuildPaths.property("sparkjdbc.apps.spring-boot.jar"));
  private String token;
  private SparkConnectServer spark;
  private SpringBootApp app;

  @BeforeAll
  void startSparkAndTheApp() throws Exception {
    assertThat(jar).as("the executable jar apps/spring-boot builds").isRegularFile();
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    // Random per run, and long enough that no log line contains it by chance.
    token = "boot-" + HexFormat.of().formatHex(bytes);
    spark = SparkConnectServer.start(0, List.of("--token", token));
    int httpPort = SpringBootApp.freePort();
    String properties =
        String.join(
            "\n",
            "spring.datasource.url=jdbc:sc://127.0.0.1:"
                + spark.port()
                + "/;application_name=spring-boot-tck",
            "spring.datasource.driver-class-name=dev.sparkjdbc.jdbc.SparkConnectDriver",
            "spring.datasource.username=token",
            // The secret comes from the environment: it is in neither this file nor the URL.
            "spring.datasource.password=${SPARK_TOKEN}",
            "spring.datasource.hikari.pool-name=" + POOL_NAME,
            "spring.datasource.hikari.maximum-pool-size=" + MAX_POOL_SIZE,
            "spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS,
            "spring.datasource.hikari.validation-timeout=2000",
            "management.endpoints.web.exposure.include=health,metrics",
            "management.endpoint.health.show-details=always",
            "server.port=" + httpPort,
            "");
    Path dir = Path.of(BuildPaths.property("sparkjdbc.tck.workDir")).resolve("spring-boot-app");
    app = SpringBootApp.start(jar, dir, httpPort, properties, Map.of("SPARK_TOKEN", token));
  }

  @AfterAll
  void stopEverything() {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (spark != null) {
        spark.close();
      }
    }
  }

  @Test
  @Order(1)
  void theBootBomDecidesTheVersionsAndOnlyTheStandaloneDriverComesAlong() throws IOException {
    String bom = Files.readString(Path.of(BuildPaths.property("sparkjdbc.apps.spring-boot.bom")));
    List<String> libs = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
          .map(name -> name.substring("BOOT-INF/lib/".length()))
          .forEach(libs::add);
      Path standalone = Path.of(BuildPaths.property("sparkjdbc.driver.standaloneJar"));
      String driverJar = standalone.getFileName().toString();
      assertThat(libs).contains(driverJar);
      assertThat(zip.getEntry("BOOT-INF/lib/" + driverJar).getSize())
          .as("the standalone jar exactly as built")
          .isEqualTo(Files.size(standalone));
    }
    assertThat(libs)
        .contains(
            "spring-jdbc-" + bomProperty(bom, "spring-framework.version") + ".jar",
            "spring-tx-" + bomProperty(bom, "spring-framework.version") + ".jar",
            "HikariCP-" + bomProperty(bom, "hikaricp.version") + ".jar");
    // The wildcard exclusion: none of the thin driver's dependencies, unshaded, beside it.
    assertThat(libs)
        .filteredOn(
            name ->
                name.matches(
                    "(sparkjdbc-(?!driver-.*-standalone).*|grpc-.*|netty-.*|protobuf-.*|arrow-.*"
                        + "|calcite-.*|guava-.*|avatica-.*)"))
        .isEmpty();
  }

  @Test
  @Order(2)
  void jdbcClientQueriesAnswerThroughTheRestEndpoints() throws Exception {
    for (int of : new int[] {1, 7, 1000}) {
      long n = 0;
      long total = 0;
      for (long id = 0; id < 1000; id++) {
        if (id % of == 0) {
          n++;
          total += id;
        }
      }
      SpringBootApp.Response answer = app.get("/multiples?of=" + of, Duration.ofSeconds(60));
      assertThat(answer.status()).as(answer.body() + "; " + app.outputTail()).isEqualTo(200);
      assertThat(at(answer.json(), "n")).isEqualTo(BigDecimal.valueOf(n));
      assertThat(at(answer.json(), "total")).isEqualTo(BigDecimal.valueOf(total));
    }

    SpringBootApp.Response squares = app.get("/squares?from=7", Duration.ofSeconds(60));
    assertThat(squares.status()).as(squares.body() + "; " + app.outputTail()).isEqualTo(200);
    List<Map<String, Object>> expected = new ArrayList<>();
    for (long id = 7; id < 10; id++) {
      expected.add(Map.of("id", BigDecimal.valueOf(id), "square", BigDecimal.valueOf(id * id)));
    }
    assertThat(squares.json()).isEqualTo(expected);
  }

  /**
   * What a {@code @Transactional} method sees (docs/limitations.md, "Transactions"): Spring's
   * {@code setAutoCommit(false)} is accepted with an SQLWarning 01000, commit and rollback do
   * nothing and throw nothing, and the row inserted before the rollback stays.
   */
  @Test
  @Order(3)
  void transactionalCommitsAndRollbackUndoesNothing() throws Exception {
    SpringBootApp.Response committed = app.post("/ledger/committed/commit");
    assertThat(committed.status()).as(committed.body() + "; " + app.outputTail()).isEqualTo(200);
    assertTransactionalOutcome(committed.json());

    SpringBootApp.Response rolledBack = app.post("/ledger/rolled-back/rollback");
    assertThat(rolledBack.status())
        .as(
            "Spring rethrew the method's own exception, so rollback() threw nothing: "
                + rolledBack.body()
                + "; "
                + app.outputTail())
        .isEqualTo(200);
    assertTransactionalOutcome(rolledBack.json());

    // Read again, in a new request and through another pooled connection or the same one:
    // each tag has its one row, the rolled-back one included.
    assertThat(app.get("/ledger/committed", Duration.ofSeconds(60)).body()).isEqualTo("1");
    assertThat(app.get("/ledger/rolled-back", Duration.ofSeconds(60)).body()).isEqualTo("1");
  }

  private static void assertTransactionalOutcome(Object outcome) {
    assertThat(at(outcome, "transactionActive")).as("Spring's transaction").isEqualTo(true);
    assertThat(at(outcome, "autoCommit")).as("getAutoCommit() inside it").isEqualTo(false);
    assertThat(at(outcome, "warningSqlState"))
        .as("the warning setAutoCommit(false) leaves on the connection")
        .isEqualTo("01000");
    assertThat(at(outcome, "rows")).as("rows with the tag afterwards").isEqualTo(BigDecimal.ONE);
  }

  @Test
  @Order(4)
  void healthReportsTheDatabaseUp() throws Exception {
    SpringBootApp.Response health = app.get("/actuator/health", HEALTH_ANSWERS_WITHIN);
    assertThat(health.status()).as(health.body() + "; " + app.outputTail()).isEqualTo(200);
    assertThat(at(health.json(), "status")).isEqualTo("UP");
    assertThat(at(health.json(), "components", "db", "status")).isEqualTo("UP");
    // Boot names the product the driver reports: asked here directly, not through the app.
    Properties credentials = new Properties();
    credentials.setProperty("user", "token");
    credentials.setProperty("password", token);
    try (Connection direct = DriverManager.getConnection(spark.url(), credentials)) {
      assertThat(at(health.json(), "components", "db", "details", "database"))
          .isEqualTo(direct.getMetaData().getDatabaseProductName());
    }
  }

  /** Boot chose HikariCP and configured it from application.properties: its own metrics say so. */
  @Test
  @Order(5)
  void hikariIsThePoolInUse() throws Exception {
    SpringBootApp.Response max =
        app.get(
            "/actuator/metrics/hikaricp.connections.max?tag=pool:" + POOL_NAME,
            Duration.ofSeconds(30));
    assertThat(max.status()).as(max.body() + "; " + app.outputTail()).isEqualTo(200);
    assertThat(at(max.json(), "measurements", 0, "value"))
        .isEqualTo(BigDecimal.valueOf(MAX_POOL_SIZE).setScale(1));
    assertThat(app.output()).contains(POOL_NAME + " - Start completed.");
  }

  /**
   * With Spark gone, the health endpoint answers DOWN (HTTP 503) with the database DOWN, within
   * about Hikari's connection timeout, and never hangs.
   */
  @Test
  @Order(6)
  void healthTurnsDownWhenSparkStops() throws Exception {
    spark.close();
    long stopped = System.nanoTime();
    List<String> seen = new ArrayList<>();
    while (true) {
      long asked = System.nanoTime();
      SpringBootApp.Response health;
      try {
        health = app.get("/actuator/health", HEALTH_ANSWERS_WITHIN);
      } catch (HttpTimeoutException hung) {
        throw new AssertionError(
            "the health endpoint gave no answer within "
                + HEALTH_ANSWERS_WITHIN
                + "; "
                + app.outputTail(),
            hung);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - asked);
      seen.add(health.status() + " in " + took.toMillis() + " ms");
      Object json = health.json();
      if (health.status() == 503) {
        assertThat(at(json, "status")).isEqualTo("DOWN");
        assertThat(at(json, "components", "db", "status")).isEqualTo("DOWN");
        assertThat(took)
            .as("a DOWN check waits at most about Hikari's connection timeout")
            .isLessThan(Duration.ofMillis(CONNECTION_TIMEOUT_MS).plusSeconds(10));
        assertThat(health.body()).doesNotContain(token);
        return;
      }
      assertThat(at(json, "status")).as("before DOWN, " + health.body()).isEqualTo("UP");
      if (System.nanoTime() - stopped > HEALTH_DOWN_WITHIN.toNanos()) {
        throw new AssertionError(
            "health still UP "
                + HEALTH_DOWN_WITHIN
                + " after Spark stopped; answers "
                + seen
                + "; "
                + app.outputTail());
      }
      Thread.sleep(500);
    }
  }

  @Test
  @Order(7)
  void theTokenIsNeverInTheAppOutput() {
    String output = app.output();
    assertThat(output).as("the app printed something").contains("Started SparkJdbcApplication");
    // The message shows where, with the token masked: a failure must not leak it either.
    List<String> leaking =
        output
            .lines()
            .filter(line -> line.contains(token))
            .map(line -> line.replace(token, "<token>"))
            .toList();
    assertThat(leaking).as("lines of the app's output holding the token").isEmpty();
  }

  private static String bomProperty(String bomPom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(bomPom);
    assertThat(m.find()).as(name + " in the Boot BOM").isTrue();
    return m.group(1);
  }
}
