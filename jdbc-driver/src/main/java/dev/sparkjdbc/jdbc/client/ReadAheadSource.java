package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.proto.DataType;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Receives the next chunks of a large result in a background thread while the application reads the
 * current one, so that the network, gRPC's message parsing and the copy out of the protobuf message
 * overlap the application's {@code next()} and getters instead of taking turns with them.
 *
 * <p>Bounded: at most {@code capacity} chunks wait (Spark caps one at a few MiB), plus the one the
 * thread is receiving; when the application reads slowly the thread waits, and so does the server,
 * through gRPC's flow control. The queue holds heap bytes only, no Arrow memory, so a result
 * abandoned half-way leaks nothing.
 *
 * <p>The first chunks are received on the application's thread: small results (most of them: one
 * chunk, then the end) never start a thread, and errors the server finds before producing rows
 * still surface in the execute call. Stops (cancel, timeouts) reach the stream from any thread as
 * before and wake the background thread, which hands the reason to the reader.
 */
public final class ReadAheadSource implements ArrowBatchSource {
  /** Chunks received on the caller's thread before the background thread starts. */
  private static final int CHUNKS_BEFORE_READ_AHEAD = 2;

  /** How often a background thread waiting for room in the queue checks for a close. */
  private static final long ROOM_POLL_MILLIS = 50;

  /** The end of the result, in the queue. */
  private static final Object END = new Object();

  /** The source was closed while the reader waited (Statement.close from another thread). */
  private static final Object CLOSED = new Object();

  private final OperationSource stream;
  private final BlockingQueue<Object> queue;
  private int chunksServed;
  private Thread thread;
  private boolean ended;
  private volatile boolean closed;

  private ReadAheadSource(OperationSource stream, int capacity) {
    this.stream = stream;
    this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for the end or an error
  }

  /** {@code stream} read ahead by up to {@code capacity} chunks; as is when 0. */
  public static ArrowBatchSource of(OperationSource stream, int capacity) {
    return capacity <= 0 ? stream : new ReadAheadSource(stream, capacity);
  }

  @Override
  public ArrowChunk nextChunk() throws SQLException {
    if (ended) {
      return null;
    }
    if (thread == null) {
      if (chunksServed < CHUNKS_BEFORE_READ_AHEAD) {
        chunksServed++;
        ArrowChunk chunk = stream.nextChunk();
        ended = chunk == null;
        return chunk;
      }
      start();
    }
    Object item = take();
    if (item instanceof ArrowChunk chunk) {
      return chunk;
    }
    ended = true;
    if (item == END) {
      return null;
    }
    if (item == CLOSED) {
      throw SqlErrors.closed("result");
    }
    if (item instanceof SQLException e) {
      throw SqlErrors.again(e); // this thread's stack, the background thread's as the cause
    }
    throw new SQLException(
        "Receiving the result failed: " + item, SqlState.GENERAL, (Throwable) item);
  }

  private void start() {
    thread = DriverThreads.start(this::receive, "sparkjdbc-read-ahead-" + stream.operationId());
  }

  private Object take() throws SQLException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      // As when the interrupted thread waits in gRPC itself: the statement is stopped.
      Thread.currentThread().interrupt();
      stream.stop(SqlErrors.interrupted());
      ended = true;
      throw SqlErrors.interrupted();
    }
  }

  /** The background thread: receives until the end, an error, or a close. */
  private void receive() {
    try {
      while (!closed) {
        ArrowChunk chunk = stream.nextChunk();
        hand(chunk == null ? END : chunk);
        if (chunk == null) {
          return;
        }
      }
    } catch (SQLException | RuntimeException e) {
      hand(e);
    } catch (Error e) {
      // Never leave the reader waiting, whatever happened here (e.g. OutOfMemoryError).
      hand(new SQLException("Receiving the result failed: " + e, SqlState.GENERAL, e));
      throw e;
    }
  }

  /** Queues an item for the reader, waiting for room; gives up once the source is closed. */
  private void hand(Object item) {
    try {
      while (!closed) {
        if (queue.offer(item, ROOM_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // nobody interrupts this thread; end it if one does
    }
  }

  @Override
  public DataType sparkSchema() {
    return stream.sparkSchema();
  }

  @Override
  public void checkStopped() throws SQLException {
    stream.checkStopped();
  }

  /**
   * Stops reading ahead and closes the stream, which also wakes a background thread waiting for the
   * server; a reader waiting in another thread gets "closed".
   */
  @Override
  public void close() {
    end(false);
  }

  /** As {@link #close}, with the stream abandoned (its release not waited for). */
  @Override
  public void abandon() {
    end(true);
  }

  private void end(boolean abandoned) {
    if (closed) {
      return;
    }
    closed = true;
    if (abandoned) {
      stream.abandon();
    } else {
      stream.close();
    }
    queue.clear();
    queue.offer(CLOSED);
  }
}
