package dev.sparkjdbc.tck.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Checks shared by the tests that stop or abandon a running statement (cancel and timeouts, server
 * faults, read-ahead): its operation is gone from the server, and the connection still works.
 */
public final class OperationAssertions {
  private static final Duration PROMPT = Duration.ofSeconds(10);

  private OperationAssertions() {}

  /** The Spark Connect operation id of the statement's last execution. */
  public static String operationId(Statement s) throws SQLException {
    return s.unwrap(SparkConnectStatementInfo.class).lastOperationId().orElseThrow();
  }

  /** The server no longer holds the operation and runs no job for it. */
  public static void assertGoneFromServer(SparkConnectServer server, String operation)
      throws Exception {
    long deadline = System.nanoTime() + PROMPT.toNanos();
    List<ServerOperations.Operation> ours = List.of();
    while (System.nanoTime() < deadline) {
      ours =
          server.operations().list().stream()
              .filter(op -> op.operationId().equals(operation))
              .toList();
      if (ours.isEmpty() && server.operations().runningJobs() == 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "operation "
            + operation
            + " still on the server: "
            + ours
            + ", running jobs: "
            + server.operations().runningJobs());
  }

  public static void assertUsable(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }
}
