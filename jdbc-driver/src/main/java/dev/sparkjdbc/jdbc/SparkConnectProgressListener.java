package dev.sparkjdbc.jdbc;

/**
 * Receives the progress Spark reports while one of a statement's operations runs: set it with
 * {@code statement.unwrap(SparkConnectStatementInfo.class).setProgressListener(...)}.
 *
 * <p>Spark sends a report every {@code spark.connect.progress.reportInterval} (2 s by default)
 * while the operation's jobs run, so a query that finishes sooner may report nothing. The listener
 * is called on the thread that waits for the server (the one in {@code execute} or {@code
 * ResultSet.next}, or a large result's read-ahead thread); it should return quickly. An exception
 * it throws is logged and does not disturb the statement.
 */
@FunctionalInterface
public interface SparkConnectProgressListener {
  void onProgress(SparkConnectProgress progress);
}
