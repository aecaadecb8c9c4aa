package dev.sparkjdbc.jdbc;

import java.util.Locale;
import java.util.Set;

/** Cheap lexical facts about SQL text, used before sending it to the server. */
final class SqlText {
  /** Statements that only read: sent as a query relation, streamed in one round trip. */
  private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "VALUES", "TABLE", "FROM");

  private SqlText() {}

  /**
   * True when the statement is certainly a query. Anything else (DDL, DML, SHOW, WITH …) goes
   * through Spark's SQL command path, which tells us whether it produced rows.
   */
  static boolean isQuery(String sql) {
    return QUERY_KEYWORDS.contains(firstKeyword(sql));
  }

  /** The first word after leading blanks, comments and opening parentheses, upper-cased. */
  static String firstKeyword(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  static boolean isBlank(String sql) {
    return firstKeyword(sql).isEmpty() && stripComments(sql).isBlank();
  }

  private static String stripComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").replace(";", " ");
  }
}
