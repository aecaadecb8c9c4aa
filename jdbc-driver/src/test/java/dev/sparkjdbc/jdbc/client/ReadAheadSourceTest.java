package dev.sparkjdbc.jdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read-ahead thread in isolation, over an in-process source of chunks: the tck's ReadAheadTest
 * covers it against a real server; here the faults a server cannot be made to produce on cue (a
 * source that fails after N chunks, a reader interrupted while it waits) are produced exactly.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadAheadSourceTest {
  /** Chunks numbered 0..count-1 (the number is the row count), then the end or a failure. */
  private static final class Chunks implements OperationSource {
    final int count;
    final SQLException failure;
    final AtomicInteger served = new AtomicInteger();
    final CountDownLatch blocked = new CountDownLatch(1);
    volatile boolean block;
    volatile SQLException stopped;
    volatile boolean closed;
    final List<String> threads = new ArrayList<>();

    Chunks(int count, SQLException failure) {
      this.count = count;
      this.failure = failure;
    }

    @Override
    public ArrowChunk nextChunk() throws SQLException {
      synchronized (threads) {
        threads.add(Thread.currentThread().getName());
      }
      int n = served.getAndIncrement();
      if (block && n >= 2) {
        blocked.countDown();
        while (!closed && stopped == null) {
          Thread.onSpinWait();
        }
        throw stopped != null ? stopped : new SQLException("closed while receiving", "HY000");
      }
      if (n < count) {
        return new ArrowChunk(new byte[] {(byte) n}, n);
      }
      if (failure != null) {
        throw failure;
      }
      return null;
    }

    @Override
    public String operationId() {
      return "op-1";
    }

    @Override
    public boolean stop(SQLException reason) {
      stopped = reason;
      return true;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static List<Long> readAll(ArrowBatchSource source) throws SQLException {
    List<Long> rows = new ArrayList<>();
    for (ArrowChunk c = source.nextChunk(); c != null; c = source.nextChunk()) {
      rows.add(c.rowCount());
    }
    return rows;
  }

  private static boolean readAheadThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("sparkjdbc-read-ahead-op-1") && t.isAlive());
  }

  private static void awaitNoReadAheadThread() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (readAheadThreadAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(readAheadThreadAlive()).as("read-ahead thread still running").isFalse();
  }

  @Test
  void chunksArriveInOrderThenTheEndAndTheThreadEnds() throws Exception {
    Chunks chunks = new Chunks(50, null);
    ArrowBatchSource source = ReadAheadSource.of(chunks, 2);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 50; i++) {
      expected.add(i);
    }
    assertThat(readAll(source)).isEqualTo(expected);
    assertThat(source.nextChunk()).as("after the end").isNull();
    source.close();
    awaitNoReadAheadThread();
    // the first chunks come on the caller's thread, the rest on the read-ahead thread
    assertThat(chunks.threads.get(0)).isEqualTo(Thread.currentThread().getName());
    assertThat(chunks.threads).anyMatch(name -> name.startsWith("sparkjdbc-read-ahead-op-1"));
  }

  @Test
  void zeroCapacityReadsOnTheCallersThreadOnly() throws Exception {
    Chunks chunks = new Chunks(5, null);
    ArrowBatchSource source = ReadAheadSource.of(chunks, 0);
    assertThat(source).isSameAs(chunks);
    assertThat(readAll(source)).hasSize(5);
  }

  @Test
  void aFailureOnTheThreadReachesTheReaderWithItsSqlState() throws Exception {
    Chunks chunks = new Chunks(10, new SQLException("division by zero", "22012"));
    ArrowBatchSource source = ReadAheadSource.of(chunks, 2);
    List<Long> rows = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              for (ArrowChunk c = source.nextChunk(); c != null; c = source.nextChunk()) {
                rows.add(c.rowCount());
              }
            })
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("division by zero")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22012");
    assertThat(rows).as("every chunk before the failure").hasSize(10);
    source.close();
    awaitNoReadAheadThread();
  }

  @Test
  void theQueueIsBoundedWhileTheApplicationDoesNotRead() throws Exception {
    Chunks chunks = new Chunks(1_000, null);
    ArrowBatchSource source = ReadAheadSource.of(chunks, 3);
    for (int i = 0; i < 3; i++) {
      source.nextChunk(); // two on this thread, then the thread starts
    }
    Thread.sleep(300);
    // 2 on this thread, the one handed over, 3 queued, 1 more for the end slot, 1 being handed
    assertThat(chunks.served.get()).isLessThanOrEqualTo(2 + 1 + 3 + 1 + 1);
    source.close();
    awaitNoReadAheadThread();
    assertThat(chunks.closed).isTrue();
  }

  /**
   * A thread that reads past the two chunks served on the caller's thread, and waits there while
   * the source blocks; returns once the source blocks. Its failure lands in {@code failure}.
   */
  private static Thread waitingReader(
      ArrowBatchSource source, Chunks chunks, AtomicReference<Throwable> failure) throws Exception {
    source.nextChunk();
    source.nextChunk();
    Thread reader =
        new Thread(
            () -> {
              try {
                source.nextChunk();
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    assertThat(chunks.blocked.await(10, TimeUnit.SECONDS)).isTrue();
    return reader;
  }

  @Test
  void closeFromAnotherThreadWakesAWaitingReader() throws Exception {
    Chunks chunks = new Chunks(1_000, null);
    chunks.block = true;
    ArrowBatchSource source = ReadAheadSource.of(chunks, 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = waitingReader(source, chunks, failure);
    source.close();
    reader.join(10_000);
    assertThat(reader.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    awaitNoReadAheadThread();
  }

  @Test
  void anInterruptedReaderStopsTheOperation() throws Exception {
    Chunks chunks = new Chunks(1_000, null);
    chunks.block = true;
    ArrowBatchSource source = ReadAheadSource.of(chunks, 2);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = waitingReader(source, chunks, failure);
    reader.interrupt();
    reader.join(10_000);
    assertThat(failure.get())
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("HY008");
    assertThat((Throwable) chunks.stopped).as("the operation was stopped").isNotNull();
    source.close();
    awaitNoReadAheadThread();
  }
}
