package dev.sparkjdbc.jdbc.client;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's timer for query timeouts, network-timeout watchdogs and delayed interrupt
 * retries. Its single daemon thread starts on first use and ends with the connection, so a closed
 * connection leaves no thread behind and a connection that never times anything out has none.
 */
public final class ConnectionTimer implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** What {@link #schedule} returns when nothing was scheduled. */
  static final Runnable NOTHING = () -> {};

  private ScheduledThreadPoolExecutor executor;
  private boolean closed;

  /** Runs {@code task} after {@code millis}; the returned handle cancels it. */
  synchronized Runnable schedule(Runnable task, long millis) {
    if (closed) {
      return NOTHING;
    }
    if (executor == null) {
      executor =
          new ScheduledThreadPoolExecutor(
              1, r -> DriverThreads.create(r, "sparkjdbc-timer-" + THREADS.incrementAndGet()));
      executor.setRemoveOnCancelPolicy(true); // a cancelled watchdog must not pin memory
    }
    Future<?> future = executor.schedule(task, millis, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
