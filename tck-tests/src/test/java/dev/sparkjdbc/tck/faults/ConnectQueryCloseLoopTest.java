package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.DriverDiagnostics;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connect, query, close, 2,000 times: what a script or a pool without reuse does all day. Heap
 * after GC and the number of live threads must stay flat, the driver must hold no Arrow memory
 * between iterations, and once the last connection is closed no driver or gRPC thread may be left
 * running.
 */
@ExtendWith(SparkConnectServerExtension.class)
class ConnectQueryCloseLoopTest {
  private static final int ITERATIONS = 2000;
  private static final int WARM_UP = 200;

  @Test
  void heapAndThreadsStayFlatOverTwoThousandConnections(SparkConnectServer server)
      throws Exception {
    long warmHeap = 0;
    int warmThreads = 0;
    int maxThreads = 0;
    long start = System.nanoTime();
    for (int i = 1; i <= ITERATIONS; i++) {
      try (Connection c = DriverManager.getConnection(server.url());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT " + i + " AS i, repeat('x', 1000) AS pad")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(i);
        assertThat(rs.getString(2)).hasSize(1000);
        assertThat(rs.next()).isFalse();
      }
      assertThat(DriverDiagnostics.arrowBytesAllocated()).isZero();
      assertThat(DriverDiagnostics.openConnections()).isZero();
      // The driver's and gRPC's threads only: the test JVM runs others of its own.
      int threads = DriverDiagnostics.driverThreads().size();
      maxThreads = Math.max(maxThreads, threads);
      if (i == WARM_UP) {
        warmHeap = heapAfterGc();
        warmThreads = threads;
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    long endHeap = heapAfterGc();
    int endThreads = DriverDiagnostics.driverThreads().size();
    System.out.printf(
        "connect/query/close x%d in %d s: heap after GC %d KiB at %d, %d KiB at"
            + " %d; live driver and gRPC threads %d at %d, %d at the end, at most %d%n",
        ITERATIONS,
        seconds,
        warmHeap / 1024,
        WARM_UP,
        endHeap / 1024,
        ITERATIONS,
        warmThreads,
        WARM_UP,
        endThreads,
        maxThreads);
    assertThat(endHeap - warmHeap)
        .as("heap growth over %d connections", ITERATIONS - WARM_UP)
        .isLessThan(16L * 1024 * 1024);
    assertThat(maxThreads).isLessThanOrEqualTo(warmThreads + 4);
    assertThat(awaitNoDriverThreads()).as("driver and gRPC threads after the last close").isEmpty();
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** gRPC stops its shared threads about a second after the last channel closes. */
  private static List<String> awaitNoDriverThreads() throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    List<String> threads = DriverDiagnostics.driverThreads();
    while (!threads.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      threads = DriverDiagnostics.driverThreads();
    }
    return threads;
  }
}
