package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.proto.ExecutePlanResponse.ExecutionProgress;
import java.util.List;

/**
 * One progress report of a running operation, as Spark Connect's execution-progress message carries
 * it: the stages of the operation's jobs with their task counts and input bytes.
 *
 * @param operationId the server's id of the operation (as in {@code lastOperationId()})
 * @param stages the stages Spark reported, in its order
 * @param inflightTasks tasks running right now
 */
public record SparkConnectProgress(String operationId, List<Stage> stages, long inflightTasks) {

  /** One Spark stage: its id, how many of its tasks are done, and the input bytes read so far. */
  public record Stage(
      long stageId, long tasks, long completedTasks, long inputBytesRead, boolean done) {}

  public SparkConnectProgress {
    stages = List.copyOf(stages);
  }

  /** Tasks of all reported stages. */
  public long totalTasks() {
    return stages.stream().mapToLong(Stage::tasks).sum();
  }

  /** Finished tasks of all reported stages. */
  public long completedTasks() {
    return stages.stream().mapToLong(Stage::completedTasks).sum();
  }

  /** Input bytes read by all reported stages. */
  public long inputBytesRead() {
    return stages.stream().mapToLong(Stage::inputBytesRead).sum();
  }

  static SparkConnectProgress of(String operationId, ExecutionProgress message) {
    return new SparkConnectProgress(
        operationId,
        message.getStagesList().stream()
            .map(
                s ->
                    new Stage(
                        s.getStageId(),
                        s.getNumTasks(),
                        s.getNumCompletedTasks(),
                        s.getInputBytesRead(),
                        s.getDone()))
            .toList(),
        message.getNumInflightTasks());
  }
}
