package dev.sparkjdbc.plan;

import com.google.protobuf.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * How deeply a plan's messages nest. Spark Connect refuses messages nested beyond its marshaller's
 * recursion limit (1024 by default); long AND/OR chains get there quickly.
 */
final class PlanDepth {
  /** Below the server's default of 1024, with room for the request's own envelope. */
  static final int SERVER_LIMIT = 900;

  private PlanDepth() {}

  /** Iterative, so that measuring a deep plan cannot overflow the stack either. */
  static boolean exceeds(Message root, int limit) {
    Deque<Map.Entry<Message, Integer>> todo = new ArrayDeque<>();
    todo.push(Map.entry(root, 1));
    while (!todo.isEmpty()) {
      Map.Entry<Message, Integer> e = todo.pop();
      int depth = e.getValue();
      if (depth > limit) {
        return true;
      }
      for (Object value : e.getKey().getAllFields().values()) {
        if (value instanceof Message m) {
          todo.push(Map.entry(m, depth + 1));
        } else if (value instanceof List<?> list) {
          for (Object item : list) {
            if (item instanceof Message m) {
              todo.push(Map.entry(m, depth + 1));
            }
          }
        }
      }
    }
    return false;
  }
}
