package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.client.DriverCleaner;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's open statements, held weakly: a statement the application drops without closing
 * becomes unreachable, and so do its result sets, which the driver's Cleaner then releases (a
 * strong set here would pin them until the connection closes). Iterating yields the statements
 * still reachable; {@link #clear} also frees what unreachable ones left for the Cleaner.
 *
 * <p>While it holds statements, the connection uses the driver's Cleaner ({@link DriverCleaner}).
 */
final class StatementRegistry implements Iterable<SparkConnectStatement> {
  /** Sweeping collected statements out when the map doubled since the last sweep: O(1) per add. */
  private static final int MIN_SWEEP_SIZE = 64;

  private final Map<OpenResults, WeakReference<SparkConnectStatement>> statements =
      new ConcurrentHashMap<>();
  private int sweepAt = MIN_SWEEP_SIZE;
  private boolean usingCleaner;

  void add(SparkConnectStatement statement) {
    synchronized (this) {
      if (!usingCleaner) {
        DriverCleaner.acquire();
        usingCleaner = true;
      }
      if (statements.size() >= sweepAt) {
        sweep();
      }
    }
    statements.put(statement.openResults(), new WeakReference<>(statement));
  }

  void remove(SparkConnectStatement statement) {
    statements.remove(statement.openResults());
  }

  @Override
  public Iterator<SparkConnectStatement> iterator() {
    return statements.values().stream().map(WeakReference::get).filter(Objects::nonNull).iterator();
  }

  /**
   * Forgets every statement. Call it after closing the reachable ones: it releases the results of
   * statements dropped unclosed that the Cleaner has not released yet, and lets go of the Cleaner.
   */
  void clear() {
    for (OpenResults results : statements.keySet()) {
      results.forgetAll();
    }
    statements.clear();
    synchronized (this) {
      if (usingCleaner) {
        usingCleaner = false;
        DriverCleaner.release();
      }
    }
  }

  /** Drops the statements collected whose results the Cleaner has released. */
  private void sweep() {
    statements.entrySet().removeIf(e -> e.getValue().get() == null && e.getKey().allDone());
    sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * statements.size());
  }
}
