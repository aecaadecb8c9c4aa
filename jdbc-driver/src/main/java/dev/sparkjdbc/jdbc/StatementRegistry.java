package dev.sparkjdbc.jdbc;

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
 */
final class StatementRegistry implements Iterable<SparkConnectStatement> {
  /** Sweeping collected statements out when the map doubled since the last sweep: O(1) per add. */
  private static final int MIN_SWEEP_SIZE = 64;

  private final Map<OpenResults, WeakReference<SparkConnectStatement>> statements =
      new ConcurrentHashMap<>();
  private int sweepAt = MIN_SWEEP_SIZE;

  void add(SparkConnectStatement statement) {
    synchronized (this) {
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
   * statements dropped unclosed that the Cleaner has not released yet.
   */
  void clear() {
    for (OpenResults results : statements.keySet()) {
      results.forgetAll();
    }
    statements.clear();
  }

  /** Drops the statements collected whose results the Cleaner has released. */
  private void sweep() {
    statements.entrySet().removeIf(e -> e.getValue().get() == null && e.getKey().allDone());
    sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * statements.size());
  }
}
