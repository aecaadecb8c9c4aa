package dev.sparkjdbc.tck.appservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The WildFly recipe of docs/tools.md, end to end: the real WildFly distribution in its own
 * process, the standalone driver jar deployed to it as a JDBC driver, a datasource added with
 * {@code jboss-cli}, and a Jakarta REST application (apps/wildfly) reading through it over HTTP,
 * against a real token-protected Spark Connect server. That server is this class's own: the restart
 * test kills it and starts it again on the same port while WildFly keeps running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WildFlyTest {
  private static final String CONTEXT = "/sparkjdbc-app-wildfly/api/";

  /** How long a request may take while Spark is down: it must fail, not hang. */
  private static final Duration FAIL_FAST = Duration.ofSeconds(30);

  /** How often WildFly checks its idle connections ({@code isValid}) and drops dead ones. */
  private static final long VALIDATION_MILLIS = 2000;

  /** How long the pool may take to hand out working connections after Spark is back. */
  private static final Duration RECOVERY = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;
  private SparkConnectServer spark;
  private WildFlyProcess wildFly;

  @BeforeAll
  void startServersAndDeploy() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    // Random per run and long: if it shows up in a log, WildFly or the driver wrote it.
    token = "wf-" + HexFormat.of().formatHex(bytes);
    spark = SparkConnectServer.start(0, List.of("--token", token));
    // The secret reaches WildFly only through its environment; the datasource names it as an
    // expression, so it is in neither the CLI script nor standalone.xml.
    wildFly =
        WildFlyProcess.start(
            Path.of(BuildPaths.property("sparkjdbc.apps.wildfly.home")),
            Path.of(BuildPaths.property("sparkjdbc.tck.workDir")),
            Map.of("SPARK_TOKEN", token));
    // The CLI commands of docs/tools.md, as they stand there, with this run's files and port.
    List<String> commands =
        WildFlyRecipe.read(Path.of(BuildPaths.property("sparkjdbc.apps.wildfly.recipe")))
            .with("<driver-jar>", BuildPaths.property("sparkjdbc.driver.standaloneJar"))
            .with("<app-war>", BuildPaths.property("sparkjdbc.apps.wildfly.war"))
            .with("spark.example.com:15002", "127.0.0.1:" + spark.port())
            // the interval the restart test waits for
            .expect("--background-validation-millis=" + VALIDATION_MILLIS)
            .lines();
    wildFly.cli(commands);
  }

  @AfterAll
  void stopServers() {
    try {
      if (wildFly != null) {
        wildFly.close();
      }
    } finally {
      if (spark != null) {
        spark.close();
      }
    }
  }

  @Test
  @Order(1)
  void readsRowsThroughTheDataSource() {
    // 0..4 and their squares, by hand.
    assertThat(get("squares?n=5")).isEqualTo(ok("0,0\n1,1\n2,4\n3,9\n4,16\n"));
    // count, sum and max of 0..999: 1000, 999 * 1000 / 2, 999.
    assertThat(get("sum?n=1000")).isEqualTo(ok("1000,499500,999\n"));
  }

  @Test
  @Order(2)
  void recoversFromASparkRestartOnItsOwn() {
    int port = spark.port();
    assertThat(get("sum?n=10")).isEqualTo(ok("10,45,9\n"));
    spark.kill();
    spark.close();
    spark = null;

    // The request fails at once: on the pooled connection (08S01, the link broke during the
    // operation) or, if a validation round already dropped that one, on a new connection (08001).
    long before = System.nanoTime();
    Reply down = get("sum?n=10");
    Duration took = Duration.ofNanos(System.nanoTime() - before);
    assertThat(took).as("a request while Spark is down must fail, not hang").isLessThan(FAIL_FAST);
    assertThat(down.status()).as(down.body()).isEqualTo(500);
    assertThat(down.body()).as("the endpoint's SQLSTATE").matches("(?s)SQLSTATE 08[0-9A-Z]{3}: .+");
    // After a background validation round the dead connection is gone and the pool tries a new
    // one, which cannot connect: WildFly's own exception carries the driver's as its cause.
    WildFlyProcess.sleep(2 * VALIDATION_MILLIS);
    before = System.nanoTime();
    Reply stillDown = get("sum?n=10");
    Duration tookAgain = Duration.ofNanos(System.nanoTime() - before);
    assertThat(tookAgain)
        .as("a new connection to a dead server must fail fast")
        .isLessThan(FAIL_FAST);
    assertThat(stillDown.status()).as(stillDown.body()).isEqualTo(500);
    assertThat(stillDown.body()).matches("(?s)SQLSTATE 08[0-9A-Z]{3}: .+");

    spark = SparkConnectServer.start(port, List.of("--token", token));
    long back = System.nanoTime();
    List<String> meanwhile = new ArrayList<>();
    Reply reply = get("sum?n=10");
    while (reply.status() != 200 && System.nanoTime() - back < RECOVERY.toNanos()) {
      meanwhile.add(Duration.ofNanos(System.nanoTime() - back).toMillis() + " ms: " + reply);
      WildFlyProcess.sleep(1000);
      reply = get("sum?n=10");
    }
    Duration recovery = Duration.ofNanos(System.nanoTime() - back);
    assertThat(reply)
        .as(
            "no answer within %s s of Spark's restart; answers meanwhile:%n%s%nserver.log:%n%s",
            RECOVERY.toSeconds(), String.join("\n", meanwhile), logTail())
        .isEqualTo(ok("10,45,9\n"));
    System.out.printf(
        "WildFlyTest: while Spark was down: %s (%d ms), then %s (%d ms); the pool answered again %d"
            + " ms after Spark's restart, failing meanwhile with:%n%s%n",
        down,
        took.toMillis(),
        stillDown,
        tookAgain.toMillis(),
        recovery.toMillis(),
        String.join("\n", meanwhile));
    // Every later request works too: no broken connection is left in the pool.
    for (int i = 0; i < 5; i++) {
      assertThat(get("sum?n=100")).isEqualTo(ok("100,4950,99\n"));
    }
  }

  @Test
  @Order(3)
  void theTokenIsInNoLogNorConfiguration() throws IOException {
    for (Path file : List.of(wildFly.serverLog(), wildFly.consoleLog(), wildFly.configuration())) {
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s must not contain the token", file.getFileName())
          .isNotEmpty()
          .doesNotContain(token);
    }
  }

  private Reply get(String path) {
    URI uri = URI.create("http://127.0.0.1:" + wildFly.httpPort() + CONTEXT + path);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + uri + " failed: " + e + "; server.log:\n" + logTail(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    return WildFlyProcess.tail(wildFly.serverLog());
  }

  private static Reply ok(String body) {
    return new Reply(200, body);
  }

  /** An HTTP answer: status and body, compared whole so a failure shows both. */
  record Reply(int status, String body) {}
}
