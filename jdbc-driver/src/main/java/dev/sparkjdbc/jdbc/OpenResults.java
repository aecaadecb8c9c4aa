package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.result.ResultRelease;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results one statement has open, kept apart from the statement so that its connection can
 * still free them once the statement itself was dropped unclosed and collected (its result sets go
 * with it, and the driver's Cleaner releases them, but perhaps not before the connection closes).
 */
final class OpenResults {
  private final Set<ResultRelease> releases = ConcurrentHashMap.newKeySet();

  void add(ResultRelease release) {
    releases.removeIf(ResultRelease::done); // keeps the set as small as the open results
    releases.add(release);
  }

  boolean allDone() {
    for (ResultRelease release : releases) {
      if (!release.done()) {
        return false;
      }
    }
    return true;
  }

  /** Releases whatever is still open, now (the connection is closing). */
  void forgetAll() {
    for (ResultRelease release : releases) {
      release.forget();
    }
    releases.clear();
  }
}
