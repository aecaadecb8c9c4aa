package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.Background;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Results larger than a server with default settings can hold at {@code -Xmx2g} (half of {@code
 * bin/server}'s default heap). Before the server sized its Spark settings from its heap, both
 * queries ended the server process with an OutOfMemoryError. Each query must now either stream
 * completely, with the right row count and sums, or fail with a clear SQLException, and the server
 * must keep serving: another session's query succeeds while the large one runs, the connection
 * stays usable, the process stays alive, and Spark never takes the exit path for a fatal error.
 *
 * <p>The 100 M-row query must not run out of memory at all: the result cap stops it. Four explicit
 * partitions of 378 MB each are more than this heap can build at once on 2 cores (a task holds
 * about three copies of its partition while it serialises it): there a task may still run out of
 * memory, which now fails the query instead of ending the server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeResultServerTest {
  /** Three columns of about 27 bytes a row in Arrow: 2.7 GB, in Spark's default partitions. */
  private static final String HUNDRED_MILLION =
      "SELECT id, id * 2, CAST(id AS STRING) FROM range(100000000)";

  /** Four explicit partitions of 14 M rows, about 378 MB of Arrow each. */
  private static final String FOUR_LARGE_PARTITIONS =
      "SELECT id, id * 2, CAST(id AS STRING) FROM range(0, 56000000, 1, 4)";

  private static final Duration QUERY_LIMIT = Duration.ofMinutes(4);

  private static SparkConnectServer server;

  @BeforeAll
  static void startDefaultServer() throws Exception {
    server = SparkConnectServer.startWithDefaults("2g");
  }

  @AfterAll
  static void stopDefaultServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void theServerSurvived() {
    assertThat(server.isAlive()).as("server process alive").isTrue();
    // Spark's handler for a fatal error in a task thread, which exits the JVM.
    assertThat(server.logLinesContaining("SparkUncaughtExceptionHandler")).isEmpty();
  }

  @Test
  @Order(1)
  void aHundredMillionRowsInDefaultPartitionsHitTheResultCap() throws Throwable {
    SQLException failure = streamOrFail(HUNDRED_MILLION, 100_000_000L);
    if (failure != null) {
      assertThat(failure.getMessage()).contains("spark.driver.maxResultSize");
    }
    assertThat(server.logLinesContaining("OutOfMemoryError")).isEmpty();
  }

  @Test
  @Order(2)
  void fourPartitionsOf378MegabytesFailTheQueryNotTheServer() throws Throwable {
    SQLException failure = streamOrFail(FOUR_LARGE_PARTITIONS, 56_000_000L);
    if (failure != null) {
      assertThat(failure.getMessage())
          .containsAnyOf("spark.driver.maxResultSize", "OutOfMemoryError");
    }
  }

  /**
   * Runs {@code sql} (ids 0 to {@code rows} - 1) on one connection and a small query on another
   * once the first has a row (or has failed), then checks the outcome of both. Returns the first
   * query's failure, or null when it streamed completely.
   */
  private static SQLException streamOrFail(String sql, long rows) throws Throwable {
    CountDownLatch started = new CountDownLatch(1);
    long[] seen = new long[3]; // rows, sum of id, sum of id * 2
    try (Connection large = DriverManager.getConnection(server.url());
        Connection other = DriverManager.getConnection(server.url());
        Statement statement = large.createStatement()) {
      Background<Void> reader =
          Background.start(
              () -> {
                try (ResultSet rs = statement.executeQuery(sql)) {
                  while (rs.next()) {
                    started.countDown();
                    seen[0]++;
                    seen[1] += rs.getLong(1);
                    seen[2] += rs.getLong(2);
                  }
                  return null;
                } finally {
                  started.countDown();
                }
              });
      started.await(QUERY_LIMIT.toSeconds(), TimeUnit.SECONDS);
      try (Statement s = other.createStatement();
          ResultSet rs = s.executeQuery("SELECT sum(id) FROM range(1000000)")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("another session's query").isEqualTo(499_999_500_000L);
      }
      SQLException failure = null;
      try {
        reader.await(QUERY_LIMIT);
      } catch (SQLException e) {
        failure = e;
      }
      System.out.println(
          sql + ": " + seen[0] + " rows read, then " + (failure == null ? "the end" : failure));
      if (failure == null) {
        long sumOfIds = rows * (rows - 1) / 2;
        assertThat(seen[0]).isEqualTo(rows);
        assertThat(seen[1]).isEqualTo(sumOfIds);
        assertThat(seen[2]).isEqualTo(2 * sumOfIds);
      } else {
        assertThat(failure.getSQLState())
            .as("not a lost connection: %s", failure)
            .doesNotStartWith("08");
        assertThat(seen[0]).isLessThan(rows);
        // The driver runs the text of a translated query whose plan the server refused, in case
        // the translation was at fault; a job aborted for its size must not run a second time.
        assertThat(statement.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated())
            .as("ran once, as its translated plan")
            .isTrue();
      }
      // The connection that ran it still works.
      try (Statement s = large.createStatement();
          ResultSet rs = s.executeQuery("SELECT 42")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
      return failure;
    }
  }
}
