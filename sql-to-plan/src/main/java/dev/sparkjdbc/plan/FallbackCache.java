package dev.sparkjdbc.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statements already known to go as text, by their exact SQL text, so that a statement that falls
 * back again costs a lookup instead of a failed parse (milliseconds each time). Bounded: the least
 * recently used entry goes first. Shared by a connection's threads, hence synchronized.
 */
final class FallbackCache {
  private final Map<String, PreparedQuery> entries;

  FallbackCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedQuery> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized PreparedQuery get(String sql) {
    return entries.get(sql);
  }

  synchronized void put(String sql, PreparedQuery fallback) {
    entries.put(sql, fallback);
  }

  synchronized int size() {
    return entries.size();
  }
}
