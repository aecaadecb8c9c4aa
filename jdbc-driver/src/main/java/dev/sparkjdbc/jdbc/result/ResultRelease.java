package dev.sparkjdbc.jdbc.result;

import dev.sparkjdbc.jdbc.client.DriverCleaner;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way a result set's rows are released (its server operation, its read-ahead, its Arrow
 * memory), whoever asks first: the application (close, or reading the last row), the connection
 * closing, or the driver's Cleaner once the result set became unreachable unclosed. It runs once.
 *
 * <p>It holds the rows and never the result set: the Cleaner keeps it reachable, and a reference to
 * the result set would keep that reachable too, so it would never be cleaned.
 */
public final class ResultRelease implements Runnable {
  private static final Logger LOG = Logger.getLogger(ResultRelease.class.getName());

  private final RowSource rows;
  private Cleaner.Cleanable cleanable;

  /** True when the application asked: it may wait for the server's answer to the release. */
  private volatile boolean byApplication;

  private volatile boolean done;

  private ResultRelease(RowSource rows) {
    this.rows = rows;
  }

  /**
   * Releases {@code rows} when {@code resultSet} becomes unreachable, or when asked. Rows that hold
   * nothing outside the heap (metadata, array elements) are only released when asked.
   */
  static ResultRelease register(SparkConnectResultSet resultSet, RowSource rows) {
    ResultRelease release = new ResultRelease(rows);
    release.cleanable =
        rows.holdsResources() ? DriverCleaner.register(resultSet, release) : release.once();
    return release;
  }

  /** Runs this at most once, as a Cleaner's handle would, without the Cleaner. */
  private Cleaner.Cleanable once() {
    AtomicBoolean ran = new AtomicBoolean();
    return () -> {
      if (ran.compareAndSet(false, true)) {
        run();
      }
    };
  }

  /** The application is done with the rows: released now, on its thread. */
  void close() {
    byApplication = true;
    cleanable.clean();
  }

  /**
   * The connection is closing: released now unless it was already, and if the Cleaner is releasing
   * it at this moment, returns once it is done (the connection then frees its Arrow memory).
   */
  public void forget() {
    cleanable.clean();
    synchronized (this) {
      // run() holds this lock while it releases
    }
  }

  /** True once released. */
  public boolean done() {
    return done;
  }

  /** Called through the Cleanable only, so at most once. */
  @Override
  public synchronized void run() {
    try {
      if (byApplication) {
        rows.close();
      } else {
        rows.abandon();
      }
    } catch (RuntimeException e) {
      if (byApplication) {
        throw e; // as close() always did
      }
      // On the Cleaner's thread nobody else would see it. Arrow memory still held also shows in
      // DriverDiagnostics and when the connection closes.
      LOG.log(Level.WARNING, "Releasing a forgotten result failed", e);
    } finally {
      done = true;
    }
  }
}
