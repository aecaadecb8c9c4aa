package dev.sparkjdbc.tck.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.child.StreamCounter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A result far larger than the client heap streams through: a child JVM limited to 128 MiB of heap
 * reads five million rows and checks every one.
 */
@ExtendWith(SparkConnectServerExtension.class)
class StreamingTest {
  private static final long ROWS = 5_000_000;

  @Test
  void fiveMillionRowsStreamThroughA128MiBHeap(SparkConnectServer server) throws Exception {
    String sql = "SELECT id, id * 2 AS twice, CAST(id AS STRING) AS s FROM range(" + ROWS + ")";

    ChildJvm.Result result =
        ChildJvm.run(
            List.of("-Xmx128m"),
            StreamCounter.class,
            List.of(server.url(), sql),
            Duration.ofMinutes(5));

    assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.stderr()).isZero();
    assertThat(Long.parseLong(result.value("count"))).isEqualTo(ROWS);
    assertThat(Long.parseLong(result.value("sum"))).isEqualTo(ROWS * (ROWS - 1) / 2);
    assertThat(Long.parseLong(result.value("mismatches"))).isZero();
    long millis = Long.parseLong(result.value("millis"));
    System.out.printf(
        "[StreamingTest] %,d rows in %,d ms (%,d rows/s) at -Xmx128m: "
            + "peak heap %,d MiB, peak RSS (VmHWM) %s%n",
        ROWS,
        millis,
        ROWS * 1000 / Math.max(1, millis),
        Long.parseLong(result.value("peakHeapBytes")) >> 20,
        result.value("peakRss"));
  }
}
