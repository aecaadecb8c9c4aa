package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.plan.SqlToPlan;
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
    return SqlToPlan.leadingKeyword(sql);
  }

  static boolean isBlank(String sql) {
    return firstKeyword(sql).isEmpty() && stripComments(sql).isBlank();
  }

  private static String stripComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").replace(";", " ");
  }
}
