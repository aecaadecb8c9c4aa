package dev.sparkjdbc.tck.faults;

import static dev.sparkjdbc.tck.harness.OperationAssertions.assertGoneFromServer;
import static dev.sparkjdbc.tck.harness.OperationAssertions.assertUsable;
import static dev.sparkjdbc.tck.harness.OperationAssertions.operationId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.Background;
import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statement.cancel(), setQueryTimeout and Connection.abort() against the real server, in every
 * phase of a statement. Each test checks the server too: the operation must be gone from the
 * server's list and no Spark job of it may still run.
 */
@ExtendWith(SparkConnectServerExtension.class)
class CancelAndTimeoutTest {
  /** Runs for minutes and sends nothing until it is done: only a working stop ends it early. */
  static final String ENDLESS_COUNT = "SELECT count(*) FROM range(0, 50000000000) WHERE rand() < 2";

  private static final Duration PROMPT = Duration.ofSeconds(10);

  /**
   * Streams for half a minute. Many small partitions: Spark holds a partition's whole Arrow result
   * in memory, and large ones are lost from its block manager on a small server.
   */
  static final String LONG_STREAM = "SELECT id, repeat('x', 100) FROM range(0, 100000000, 1, 2000)";

  @Test
  @Tag("smoke") // also run against older servers: docs/compatibility.md
  void cancelWhileTheServerRunsTheQueryStopsItThere(SparkConnectServer server) throws Throwable {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      Background<ResultSet> query = Background.start(() -> s.executeQuery(ENDLESS_COUNT));
      String operation = awaitRunningJob(server, s);

      long cancelled = System.nanoTime();
      s.cancel();
      Throwable failure = query.failure(PROMPT);
      long latencyMillis = (query.finishedNanos() - cancelled) / 1_000_000;
      System.out.println("cancel latency before the first batch: " + latencyMillis + " ms");

      assertThat(failure).isInstanceOf(SQLException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
      assertGoneFromServer(server, operation);
      System.out.println(
          "cancel to operation gone from the server, no job running: "
              + (System.nanoTime() - cancelled) / 1_000_000
              + " ms");
      assertUsable(c);
    }
  }

  @Test
  @Tag("smoke") // also run against older servers: docs/compatibility.md
  void cancelWhileRowsStreamEndsTheResultAtTheNextRow(SparkConnectServer server) throws Throwable {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(LONG_STREAM)) {
      for (int i = 0; i < 1000; i++) {
        assertThat(rs.next()).isTrue();
      }
      String operation = operationId(s);
      Background<Void> canceller =
          Background.start(
              () -> {
                s.cancel();
                return null;
              });
      canceller.await(PROMPT);
      long before = System.nanoTime();
      SQLException failure = null;
      long rowsAfterCancel = 0;
      try {
        while (rs.next()) {
          rowsAfterCancel++;
        }
      } catch (SQLException e) {
        failure = e;
      }
      System.out.println(
          "cancel mid-stream: failed after "
              + rowsAfterCancel
              + " more rows, "
              + (System.nanoTime() - before) / 1_000_000
              + " ms");
      assertThat((Object) failure).as("an error after the cancel").isNotNull();
      assertThat(failure.getSQLState()).isEqualTo("HY008");
      assertThat(rowsAfterCancel).isZero(); // the check runs on every row, not per batch
      assertGoneFromServer(server, operation);
      assertUsable(c);
    }
  }

  /**
   * A cancel can land while the statement is still being translated (a long IN list takes
   * milliseconds to parse): the operation must then never start. Cancels at spread-out delays hit
   * every phase; the driver's log says which ones came before the start.
   */
  @Test
  void cancelDuringTranslationNeverStartsTheOperation(SparkConnectServer server) throws Throwable {
    String bigIn =
        "SELECT count(*) FROM range(0, 50000000000) WHERE rand() < 2 AND id NOT IN ("
            + IntStream.range(-9000, 0).mapToObj(Integer::toString).collect(Collectors.joining(","))
            + ")";
    Logger logger = Logger.getLogger("dev.sparkjdbc.jdbc.client.ExecutionControl");
    List<String> early = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getMessage() != null && r.getMessage().startsWith("Stopped before")) {
              synchronized (early) {
                early.add(r.getMessage());
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level previous = logger.getLevel();
    logger.setLevel(Level.FINE);
    logger.addHandler(capture);
    int cancelled = 0;
    try (Connection c = DriverManager.getConnection(server.url())) {
      for (int attempt = 0; attempt < 12 && early.size() < 2; attempt++) {
        try (Statement s = c.createStatement()) {
          // A cancel before executeQuery has begun has nothing to stop (and is a no-op): wait
          // until the worker is about to call it, then give it a moment to begin.
          CountDownLatch calling = new java.util.concurrent.CountDownLatch(1);
          Background<ResultSet> query =
              Background.start(
                  () -> {
                    calling.countDown();
                    return s.executeQuery(bigIn);
                  });
          assertThat(calling.await(10, TimeUnit.SECONDS)).isTrue();
          Thread.sleep(2 + attempt * 3L);
          s.cancel();
          // On a loaded machine the worker may not have begun even now, and that cancel was
          // a no-op: cancel again until the statement ends.
          for (int again = 0; again < 50 && !query.isDone(); again++) {
            Thread.sleep(200);
            s.cancel();
          }
          Throwable failure = query.failure(PROMPT);
          assertThat(failure).isInstanceOf(SQLException.class);
          assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
          cancelled++;
        }
        assertThat(server.operations().awaitNone(PROMPT)).isEmpty();
      }
      assertUsable(c);
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(previous);
    }
    assertThat(cancelled).isPositive();
    assertThat(early).as("cancels that came before the operation started").isNotEmpty();
  }

  /** Thread.interrupt() of the waiting thread acts as a cancel, on the server too. */
  @Test
  void interruptingTheWaitingThreadStopsTheOperation(SparkConnectServer server) throws Throwable {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      Thread[] worker = new Thread[1];
      Background<ResultSet> query =
          Background.start(
              () -> {
                worker[0] = Thread.currentThread();
                return s.executeQuery(ENDLESS_COUNT);
              });
      String operation = awaitRunningJob(server, s);
      worker[0].interrupt();
      Throwable failure = query.failure(PROMPT);
      assertThat(failure).isInstanceOf(SQLException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
      assertGoneFromServer(server, operation);
      assertUsable(c);
    }
  }

  /**
   * A thread whose interrupt flag is set (an executor shutting down, say) still releases what it
   * closes: the server must not keep the half-read result.
   */
  @Test
  void anInterruptedThreadStillReleasesWhatItCloses(SparkConnectServer server) throws Exception {
    Connection c = DriverManager.getConnection(server.url());
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT id FROM range(0, 20000000, 1, 40)");
    assertThat(rs.next()).isTrue();
    String operation = operationId(s);
    assertThat(server.operations().list()).anyMatch(op -> op.operationId().equals(operation));
    Thread.currentThread().interrupt();
    try {
      rs.close();
      s.close();
      assertThat(Thread.currentThread().isInterrupted()).as("the flag is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertGoneFromServer(server, operation);
    c.close();
  }

  @Test
  void cancelOfAnIdleStatementDoesNothing(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.cancel();
      try (ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    }
  }

  @Test
  @Tag("smoke") // also run against older servers: docs/compatibility.md
  void queryTimeoutStopsTheQueryOnTheServer(SparkConnectServer server) throws Throwable {
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM range(0, 50000000000) WHERE rand() < ?")) {
      s.setInt(1, 2);
      s.setQueryTimeout(2);
      long start = System.nanoTime();
      Background<ResultSet> query = Background.start(s::executeQuery);
      Throwable failure = query.failure(Duration.ofSeconds(30));
      long elapsedMillis = (query.finishedNanos() - start) / 1_000_000;
      System.out.println("query timeout of 2 s fired after " + elapsedMillis + " ms");

      assertThat(failure).isInstanceOf(SQLTimeoutException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("HYT00");
      assertThat(elapsedMillis).isBetween(1900L, 10_000L);
      assertGoneFromServer(server, operationId(s));
      // The timeout applies to each execution, and a fast one is not affected.
      s.setInt(1, -1);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  /**
   * The query timeout counts the time spent waiting for the server, not the reader's own time
   * between rows: a result read slowly is not cut.
   */
  @Test
  void queryTimeoutDoesNotCountTheReadersOwnTime(SparkConnectServer server) throws Exception {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      try (ResultSet rs = s.executeQuery("SELECT id FROM range(0, 3)")) {
        long sum = 0;
        while (rs.next()) {
          Thread.sleep(1000); // three seconds of reading in all, past the timeout
          sum += rs.getLong(1);
        }
        assertThat(sum).isEqualTo(3);
      }
    }
  }

  @Test
  void abortFromAnotherThreadClosesAtOnceAndStopsTheServerOperation(SparkConnectServer server)
      throws Throwable {
    Connection c = DriverManager.getConnection(server.url());
    Statement s = c.createStatement();
    Background<ResultSet> query = Background.start(() -> s.executeQuery(ENDLESS_COUNT));
    String operation = awaitRunningJob(server, s);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      c.abort(executor);
      assertThat(c.isClosed()).isTrue();
      Throwable failure = query.failure(PROMPT);
      assertThat(failure).isInstanceOf(SQLNonTransientConnectionException.class);
      assertThat(((SQLException) failure).getSQLState()).startsWith("08");
      assertGoneFromServer(server, operation);
      c.abort(executor); // a second abort is a no-op
    } finally {
      executor.shutdown();
      c.close();
    }
  }

  /** Waits until the statement's operation runs a Spark job on the server; returns its id. */
  static String awaitRunningJob(SparkConnectServer server, Statement s) throws Exception {
    // Generous: a fresh server on a loaded 2-core machine can take long for its first job.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      String id = s.unwrap(SparkConnectStatementInfo.class).lastOperationId().orElse(null);
      if (id != null) {
        for (ServerOperations.Operation op : server.operations().list()) {
          if (op.operationId().equals(id) && op.runningJobs() > 0) {
            return id;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "the statement's operation never ran a job on the server: " + server.operations().list());
  }
}
