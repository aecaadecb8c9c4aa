package dev.sparkjdbc.tck.results;

import static dev.sparkjdbc.tck.harness.OperationAssertions.assertGoneFromServer;
import static dev.sparkjdbc.tck.harness.OperationAssertions.assertUsable;
import static dev.sparkjdbc.tck.harness.OperationAssertions.operationId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.Background;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Results of more than two chunks are received ahead of the reader by a background thread
 * (connection property read_ahead). The rows must be exactly those read without it, and the thread
 * must never outlive the result, whether it is read to the end, closed half-way or stopped while
 * the reader waits for the thread.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ReadAheadTest {
  private static final String THREAD_PREFIX = "sparkjdbc-read-ahead-";
  private static final Duration PROMPT = Duration.ofSeconds(10);

  /** About 300 chunks (Spark sends at most 10,000 rows per Arrow batch), with nulls. */
  private static final String MANY_CHUNKS =
      "SELECT id, CAST(id AS STRING) AS s, "
          + "IF(id % 7 = 0, NULL, id * 3) AS n FROM range(0, 3000000, 1, 30)";

  /**
   * Three partitions of 10,000 rows arrive at once; the fourth sleeps a second per row, so the
   * reader ends up waiting for the background thread, which waits for the server.
   */
  private static final String STALLS_AFTER_THREE_CHUNKS =
      "SELECT id, reflect('java.lang.Thread', 'sleep', CAST(IF(id >= 30000, 1000, 0) AS BIGINT)) AS"
          + " slept FROM range(0, 40000, 1, 4)";

  private record Digest(long rows, long sum, long lengths, long nulls, boolean threadSeen) {}

  @Test
  void aResultReadAheadIsTheResultReadOnTheReadingThread(SparkConnectServer server)
      throws Exception {
    Digest ahead = read(server.url());
    Digest inline = read(server.url() + "/;read_ahead=0");

    assertThat(ahead.rows()).isEqualTo(3_000_000);
    assertThat(ahead.sum()).isEqualTo(3_000_000L * 2_999_999 / 2);
    assertThat(ahead.nulls()).isEqualTo((3_000_000 + 6) / 7);
    assertThat(ahead.threadSeen()).as("a read-ahead thread during the read").isTrue();
    assertThat(inline.threadSeen()).as("a read-ahead thread with read_ahead=0").isFalse();
    assertThat(new Digest(inline.rows(), inline.sum(), inline.lengths(), inline.nulls(), true))
        .isEqualTo(ahead);
    awaitNoReadAheadThread();
  }

  private static Digest read(String url) throws SQLException {
    long rows = 0;
    long sum = 0;
    long lengths = 0;
    long nulls = 0;
    boolean threadSeen = false;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(MANY_CHUNKS)) {
      while (rs.next()) {
        rows++;
        sum += rs.getLong(1);
        lengths += rs.getString(2).length();
        long n = rs.getLong(3);
        if (rs.wasNull()) {
          nulls++;
        } else {
          assertThat(n).isEqualTo(rs.getLong(1) * 3);
        }
        if (rows == 1_000_000) {
          threadSeen = !readAheadThreads().isEmpty();
        }
      }
    }
    return new Digest(rows, sum, lengths, nulls, threadSeen);
  }

  @Test
  void closingAResultHalfWayEndsTheThreadAndReleasesTheOperation(SparkConnectServer server)
      throws Exception {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(MANY_CHUNKS);
      for (int i = 0; i < 100_000; i++) {
        assertThat(rs.next()).isTrue();
      }
      String operation = operationId(s);
      assertThat(readAheadThreads()).isNotEmpty();
      rs.close();
      awaitNoReadAheadThread();
      assertGoneFromServer(server, operation);
      assertUsable(c);
    }
  }

  @Test
  void interruptingAReaderWaitingForTheThreadStopsTheOperation(SparkConnectServer server)
      throws Throwable {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      Thread[] reader = new Thread[1];
      AtomicLong rowsRead = new AtomicLong();
      Background<Void> read = readUntilTheStall(s, reader, rowsRead);
      String operation = operationId(s);
      reader[0].interrupt();
      Throwable failure = read.failure(PROMPT);
      assertThat(failure).isInstanceOf(SQLException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
      assertThat(rowsRead.get()).isEqualTo(30_000);
      awaitNoReadAheadThread();
      assertGoneFromServer(server, operation);
      assertUsable(c);
    }
  }

  @Test
  void cancelWhileTheReaderWaitsForTheThreadEndsTheResult(SparkConnectServer server)
      throws Throwable {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      Background<Void> read = readUntilTheStall(s, new Thread[1], new AtomicLong());
      String operation = operationId(s);
      s.cancel();
      Throwable failure = read.failure(PROMPT);
      assertThat(failure).isInstanceOf(SQLException.class);
      assertThat(((SQLException) failure).getSQLState()).isEqualTo("HY008");
      awaitNoReadAheadThread();
      assertGoneFromServer(server, operation);
      assertUsable(c);
    }
  }

  /**
   * Starts reading {@link #STALLS_AFTER_THREE_CHUNKS} in another thread (stored in {@code reader})
   * and returns once that thread waits for the fourth chunk.
   */
  private static Background<Void> readUntilTheStall(
      Statement s, Thread[] reader, AtomicLong rowsRead) throws InterruptedException {
    Background<Void> read =
        Background.start(
            () -> {
              reader[0] = Thread.currentThread();
              try (ResultSet rs = s.executeQuery(STALLS_AFTER_THREE_CHUNKS)) {
                while (rs.next()) {
                  rowsRead.incrementAndGet();
                }
              }
              return null;
            });
    awaitRows(rowsRead, 30_000);
    Thread.sleep(500); // the reader is now waiting for the fourth chunk
    return read;
  }

  /** Waits until the reader has read {@code count} rows (the first three chunks). */
  private static void awaitRows(AtomicLong rowsRead, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (rowsRead.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the reader read only " + rowsRead.get() + " rows");
      }
      Thread.sleep(20);
    }
  }

  private static void awaitNoReadAheadThread() throws InterruptedException {
    long deadline = System.nanoTime() + PROMPT.toNanos();
    while (!readAheadThreads().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("read-ahead threads still running: " + readAheadThreads());
      }
      Thread.sleep(20);
    }
  }

  private static List<String> readAheadThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(THREAD_PREFIX))
        .map(Thread::getName)
        .toList();
  }
}
