package dev.sparkjdbc.tck.faults;

import static dev.sparkjdbc.tck.harness.OperationAssertions.assertUsable;
import static dev.sparkjdbc.tck.harness.OperationAssertions.operationId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.DriverDiagnostics;
import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Result sets and statements the application drops without closing them must not pin their server
 * operations until the connection closes (issue 20): the driver's Cleaner releases them once they
 * are unreachable. Counted from the server's side, through its diagnostics endpoint.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ForgottenObjectsTest {
  /** Two partitions, so two Arrow batches: the driver reads the first, the second stays unread. */
  private static final String TWO_BATCHES = "SELECT id FROM range(0, 2000, 1, 2)";

  /** Enough batches that the result set reads ahead in a background thread. */
  private static final String MANY_BATCHES = "SELECT id FROM range(0, 200000, 1, 40)";

  private static final int RESULT_SETS = 1000;
  private static final int STATEMENTS = 50;
  private static final int READ_AHEAD = 10;

  /** Far below the server's own clean-up of abandoned operations (5 minutes detached). */
  private static final Duration RELEASE_WITHIN = Duration.ofSeconds(60);

  @Test
  void resultSetsAndStatementsDroppedUnclosedReleaseTheirOperations(SparkConnectServer server)
      throws Exception {
    ServerOperations operations = server.operations();
    try (Connection c = DriverManager.getConnection(server.url());
        Statement keptStatement = c.createStatement()) {
      long arrowBefore = DriverDiagnostics.arrowBytesAllocated();
      int serverBefore = operations.list().size();
      long closedBefore = operations.closed();
      // A result set the application still holds: the Cleaner must leave it alone.
      ResultSet kept = keptStatement.executeQuery(TWO_BATCHES);
      String keptOperation = operationId(keptStatement);

      Set<String> dropped = new HashSet<>();
      // Held while they are made, so that none is collected early and the server's count shows
      // them all; dropped at once afterwards.
      List<Object> held = new ArrayList<>();
      for (int i = 0; i < RESULT_SETS; i++) {
        ResultSet rs = c.createStatement().executeQuery(TWO_BATCHES);
        assertThat(rs.next()).isTrue(); // rows of the second batch stay unread
        dropped.add(operationId(rs.getStatement()));
        held.add(rs);
      }
      for (int i = 0; i < STATEMENTS; i++) {
        if (i % 2 == 0) {
          PreparedStatement ps = c.prepareStatement(TWO_BATCHES);
          ps.executeQuery();
          dropped.add(operationId(ps));
          held.add(ps);
        } else {
          Statement st = c.createStatement();
          assertThat(st.execute(TWO_BATCHES)).isTrue(); // its result set is never asked for
          dropped.add(operationId(st));
          held.add(st);
        }
      }
      for (int i = 0; i < READ_AHEAD; i++) {
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(MANY_BATCHES);
        for (int row = 0; row < 20_000; row++) { // past the batches read before reading ahead
          assertThat(rs.next()).isTrue();
        }
        dropped.add(operationId(st));
        held.add(rs);
      }
      assertThat(dropped).hasSize(RESULT_SETS + STATEMENTS + READ_AHEAD);
      int serverHeld = operations.list().size();
      long ourHeld = ours(operations, dropped);
      assertThat(ourHeld)
          .as("the server holds every unclosed result's operation before the objects are dropped")
          .isEqualTo(dropped.size());

      held.clear();
      long droppedAt = System.nanoTime();
      long left = ourHeld;
      while (left > 0 && System.nanoTime() - droppedAt < RELEASE_WITHIN.toNanos()) {
        System.gc();
        Thread.sleep(200);
        left = ours(operations, dropped);
      }
      long releaseMillis = (System.nanoTime() - droppedAt) / 1_000_000;
      int serverAfter = operations.list().size();
      // Spark announces the closes on its listener bus, a moment after the releases.
      long closed = operations.closed() - closedBefore;
      for (int i = 0; i < 100 && closed < dropped.size(); i++) {
        Thread.sleep(100);
        closed = operations.closed() - closedBefore;
      }
      System.out.println(
          "forgotten objects: server operations before "
              + serverBefore
              + ", with "
              + dropped.size()
              + " unclosed results held "
              + serverHeld
              + ", after dropping them and GC "
              + serverAfter
              + " (released in "
              + releaseMillis
              + " ms; operations Spark announced closed meanwhile: "
              + closed
              + "; Arrow bytes before "
              + arrowBefore
              + ", after "
              + DriverDiagnostics.arrowBytesAllocated()
              + ")");
      assertThat(left)
          .as("operations of dropped objects still on the server after %s", RELEASE_WITHIN)
          .isZero();
      assertThat(closed)
          .as("operations Spark's listeners saw closed (released, not abandoned)")
          .isGreaterThanOrEqualTo(dropped.size());
      assertThat(ours(operations, Set.of(keptOperation)))
          .as("the result set still held keeps its operation")
          .isEqualTo(1);
      assertThat(serverAfter).isEqualTo(serverBefore + 1); // the kept one
      assertThat(DriverDiagnostics.driverThreads())
          .as("no read-ahead thread of a dropped result set is left")
          .noneMatch(name -> name.startsWith("sparkjdbc-read-ahead-"));

      // The kept result set reads on, whole.
      long rows = 1;
      assertThat(kept.next()).isTrue();
      while (kept.next()) {
        rows++;
      }
      assertThat(rows).isEqualTo(2000);
      assertUsable(c);
      kept.close();
      // Only what the two open statements hold (nothing once the kept rows are read).
      assertThat(DriverDiagnostics.arrowBytesAllocated()).isEqualTo(arrowBefore);
    }
  }

  private static long ours(ServerOperations operations, Set<String> ids) {
    return operations.list().stream().filter(op -> ids.contains(op.operationId())).count();
  }
}
