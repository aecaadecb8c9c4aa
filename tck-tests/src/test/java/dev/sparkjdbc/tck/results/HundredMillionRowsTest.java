package dev.sparkjdbc.tck.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.child.IdSummer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One hundred million rows stream through a client JVM limited to 256 MiB of heap, every value read
 * and checked. The range has 100 partitions: with the default two, the embedded server itself runs
 * out of memory building one partition's Arrow result.
 */
@ExtendWith(SparkConnectServerExtension.class)
class HundredMillionRowsTest {
  private static final long ROWS = 100_000_000L;

  @Test
  void hundredMillionRowsThroughA256MiBHeap(SparkConnectServer server) throws Exception {
    String sql = "SELECT id FROM range(0, " + ROWS + ", 1, 100)";

    ChildJvm.Result result =
        ChildJvm.run(
            List.of("-Xmx256m"), IdSummer.class, List.of(server.url(), sql), Duration.ofMinutes(8));

    assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.stderr()).isZero();
    assertThat(Long.parseLong(result.value("count"))).isEqualTo(ROWS);
    assertThat(Long.parseLong(result.value("sum"))).isEqualTo(ROWS * (ROWS - 1) / 2);
    assertThat(Long.parseLong(result.value("nulls"))).isZero();
    assertThat(Long.parseLong(result.value("outOfOrder"))).isZero();
    long millis = Long.parseLong(result.value("millis"));
    long peakHeapMiB = Long.parseLong(result.value("peakHeapBytes")) >> 20;
    assertThat(peakHeapMiB).isLessThanOrEqualTo(256);
    System.out.printf(
        "[HundredMillionRowsTest] %,d rows in %,d ms (%,d rows/s) at -Xmx256m: "
            + "peak heap %,d MiB, peak RSS (VmHWM) %s%n",
        ROWS, millis, ROWS * 1000 / Math.max(1, millis), peakHeapMiB, result.value("peakRss"));
  }
}
