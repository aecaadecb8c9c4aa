package dev.sparkjdbc.tck.translation;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one statement did on one connection: its whole result (an update count reads as one row
 * holding the count, with no columns) or its error, and the driver's verdict on the path it took.
 */
record PathRun(QueryResult result, SQLException error, boolean translated, String fallbackReason) {
  private static final Pattern ERROR_CLASS =
      Pattern.compile("\\[([A-Z][A-Z0-9_]*)(\\.[A-Z0-9_]+)*]");

  /** Far above any corpus statement's time, so that a hang fails the case instead of the run. */
  private static final int TIMEOUT_SECONDS = 300;

  static PathRun run(Connection connection, String sql) {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      QueryResult result = null;
      SQLException error = null;
      try {
        if (statement.execute(sql)) {
          try (ResultSet rs = statement.getResultSet()) {
            result = QueryResult.read(rs, start);
          }
        } else {
          long count = statement.getLargeUpdateCount();
          result =
              new QueryResult(
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(List.of(count)),
                  (System.nanoTime() - start) / 1_000_000);
        }
      } catch (SQLException e) {
        error = e;
      }
      SparkConnectStatementInfo info = statement.unwrap(SparkConnectStatementInfo.class);
      return new PathRun(
          result, error, info.lastStatementTranslated(), info.lastFallbackReason().orElse(null));
    } catch (SQLException e) {
      // createStatement or unwrap failed: the connection itself is broken, no statement verdict
      return new PathRun(null, e, false, null);
    }
  }

  boolean failed() {
    return error != null;
  }

  String sqlState() {
    return error == null ? null : error.getSQLState();
  }

  /**
   * Spark's error class (without its sub-class) from the message, {@code [TABLE_OR_VIEW_NOT_FOUND]
   * …}; the driver's own errors have none, and then the SQLSTATE alone identifies the error.
   */
  String errorClass() {
    if (error == null || error.getMessage() == null) {
      return null;
    }
    Matcher m = ERROR_CLASS.matcher(error.getMessage());
    return m.find() ? m.group(1) : null;
  }

  String describeError() {
    String message = String.valueOf(error.getMessage());
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return error.getClass().getSimpleName() + " " + error.getSQLState() + ": " + message;
  }
}
