package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.plan.SqlLexer;
import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.plan.TranslationConfig;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** Cheap lexical facts about SQL text, used before sending it to the server. */
public final class SqlText {
  /** Statements that change rows, whose JDBC answer is an update count. */
  private static final Set<String> DML_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

  /** Statements that only read: sent as a query relation, streamed in one round trip. */
  private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "VALUES", "TABLE", "FROM");

  /** Statements that never answer with a result set: DML (its answer is a count) and DDL. */
  private static final Set<String> NO_ROWS_KEYWORDS =
      Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "DROP", "ALTER", "TRUNCATE");

  private SqlText() {}

  /** True when the statement certainly answers without a result set, whatever it does. */
  public static boolean isWithoutRows(String sql) {
    return NO_ROWS_KEYWORDS.contains(firstKeyword(sql));
  }

  /**
   * True when the statement is certainly a query. Anything else (DDL, DML, SHOW, WITH …) goes
   * through Spark's SQL command path, which tells us whether it produced rows.
   */
  public static boolean isQuery(String sql) {
    return QUERY_KEYWORDS.contains(firstKeyword(sql));
  }

  /** True for a leading keyword of DML ({@link #firstKeyword}). */
  public static boolean isDml(String keyword) {
    return DML_KEYWORDS.contains(keyword);
  }

  /** The first word after leading blanks, comments and opening parentheses, upper-cased. */
  public static String firstKeyword(String sql) {
    return SqlToPlan.leadingKeyword(sql);
  }

  /** The index of the first unpaired UTF-16 surrogate in {@code text}, or -1 when it has none. */
  public static int unpairedSurrogate(CharSequence text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: one supplementary character
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Refuses text that has no UTF-8 form. Spark Connect carries text as UTF-8, where an unpaired
   * surrogate cannot exist: protobuf would silently send '?' instead, changing the statement or the
   * value. {@code what} names the text in the message ("SQL statement").
   */
  public static void requireEncodable(String text, String what) throws SQLDataException {
    int at = text == null ? -1 : unpairedSurrogate(text);
    if (at >= 0) {
      throw new java.sql.SQLDataException(
          String.format(
              Locale.ROOT,
              "The %s contains an unpaired UTF-16 surrogate (\\u%04X at index %d): it has no UTF-8 "
                  + "form and cannot be sent to Spark",
              what,
              (int) text.charAt(at),
              at),
          SqlState.CHARACTER_NOT_IN_REPERTOIRE);
    }
  }

  /** A statement's text must be there, hold more than comments, and have a UTF-8 form. */
  public static void requireSql(String sql) throws SQLException {
    if (sql == null || isBlank(sql)) {
      throw new java.sql.SQLSyntaxErrorException(
          "The SQL statement is " + (sql == null ? "null" : "empty"), SqlState.SYNTAX_ERROR);
    }
    requireEncodable(sql, "SQL statement");
  }

  /** True when the text holds nothing but blanks, comments and semicolons. */
  public static boolean isBlank(String sql) {
    SqlLexer lexer = SqlLexer.of(sql, TranslationConfig.Quoting.BACK_TICK);
    for (SqlLexer.Token t = lexer.nextToken(); t != null; t = lexer.nextToken()) {
      if (!t.isBlank() && !t.isSymbol(sql, ';')) {
        return false;
      }
    }
    return true;
  }
}
