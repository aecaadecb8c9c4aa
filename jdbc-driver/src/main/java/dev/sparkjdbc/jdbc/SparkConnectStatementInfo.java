package dev.sparkjdbc.jdbc;

import java.util.Optional;

/**
 * What the driver did with the last statement it executed, for users who want to know: {@code
 * statement.unwrap(SparkConnectStatementInfo.class).lastFallbackReason()}.
 */
public interface SparkConnectStatementInfo {
  /** True when the last statement was translated into a Spark Connect plan. */
  boolean lastStatementTranslated();

  /** Why the last statement went to Spark as SQL text; empty when it was translated. */
  Optional<String> lastFallbackReason();

  /**
   * The server's id of the operation this statement started last (to find it in the Spark UI and
   * server logs, or to match it against the server's list of operations); empty before the first
   * one.
   */
  Optional<String> lastOperationId();

  /**
   * Calls {@code listener} with Spark's progress reports (stages, tasks done of total, input bytes)
   * while this statement's operations run; {@code null} removes it. See {@link
   * SparkConnectProgressListener} for when reports come and on which thread.
   */
  void setProgressListener(SparkConnectProgressListener listener);
}
