package dev.sparkjdbc.plan;

/** Counts {@code ?} markers in SQL text, outside strings, quoted names and comments. */
final class ParameterMarkers {
  private ParameterMarkers() {}

  static int count(String sql) {
    return rewrite(sql, null).count;
  }

  private record Rewritten(String sql, int count) {}

  /**
   * Replaces the i-th marker by {@code :<prefix>i} (1-based): Spark binds named parameters by name,
   * where its positional binding of long statements is not reliable.
   */
  static String named(String sql, String prefix) {
    return rewrite(sql, prefix).sql;
  }

  private static Rewritten rewrite(String sql, String prefix) {
    StringBuilder out = prefix == null ? null : new StringBuilder(sql.length() + 16);
    int count = 0;
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      int start = i;
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < n && sql.charAt(j) != c) {
          if (sql.charAt(j) == '\\' && c != '`') {
            j++;
          }
          j++;
        }
        i = Math.min(j, n - 1);
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n - 1 : eol;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n - 1 : end + 1;
      } else if (c == '?') {
        count++;
        if (out != null) {
          out.append(':').append(prefix).append(count);
        }
        continue;
      }
      if (out != null) {
        out.append(sql, start, i + 1);
      }
    }
    return new Rewritten(out == null ? sql : out.toString(), count);
  }
}
