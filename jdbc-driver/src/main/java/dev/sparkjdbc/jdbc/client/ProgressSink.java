package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.proto.ExecutePlanResponse;

/** Receives the progress messages Spark sends while an operation runs. */
@FunctionalInterface
public interface ProgressSink {
  void report(String operationId, ExecutePlanResponse.ExecutionProgress progress);
}
