package dev.sparkjdbc.plan;

/** Counts {@code ?} markers in SQL text, outside strings, quoted names and comments. */
final class ParameterMarkers {
  private ParameterMarkers() {}

  static int count(String sql) {
    int count = 0;
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < n && sql.charAt(j) != c) {
          if (sql.charAt(j) == '\\' && c != '`') {
            j++;
          }
          j++;
        }
        i = j;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
      } else if (c == '?') {
        count++;
      }
    }
    return count;
  }
}
