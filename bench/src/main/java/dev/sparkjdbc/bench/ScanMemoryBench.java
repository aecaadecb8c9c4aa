package dev.sparkjdbc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Client memory of a 100 M-row scan read through our {@code ResultSet} in a JVM limited to {@value
 * #HEAP}: the scan runs in a child JVM (this class's {@link #main}) so that its peak RSS ({@code
 * VmHWM}) is the reader's alone, and so that an {@code OutOfMemoryError} is a result ("completed:
 * no") rather than the end of the benchmark. The baseline is the same child reading 10 M rows: a
 * memory ratio near 1 means memory does not grow with the result.
 *
 * <p>The server must allow a result this large: 100 M rows are about 3 GB of Arrow, beyond Spark's
 * default {@code spark.driver.maxResultSize} of 1 GiB ({@link BenchServer} lifts it).
 */
final class ScanMemoryBench {
  static final String HEAP = "-Xmx256m";
  private static final long ROWS = 100_000_000L;
  private static final long BASELINE_ROWS = 10_000_000L;

  /** 2.5 M rows (about 70 MB of Arrow) per partition: Spark builds each one in memory. */
  private static final int PARTITIONS = 40;

  private static final long TIMEOUT_MINUTES = 10;
  private static final String RESULT_PREFIX = "scan-result ";

  private ScanMemoryBench() {}

  static String sql(long rows, int partitions) {
    return "SELECT id, id * 2 AS twice, CAST(id AS STRING) AS s FROM range(0, "
        + rows
        + ", 1, "
        + partitions
        + ")";
  }

  /** What one child reported, or why it did not complete. */
  private record Scan(
      boolean completed,
      String failure,
      long rows,
      double seconds,
      long peakRssKib,
      long peakHeapBytes) {
    String completedCell() {
      return completed ? "yes" : "no: " + failure;
    }

    String rate() {
      return completed ? String.format(Locale.ROOT, "%.2f M rows/s", rows / seconds / 1e6) : "-";
    }
  }

  /** Rows: what, ours (100 M rows), baseline (10 M rows), ours / baseline. */
  static List<String[]> run(String url) throws IOException, InterruptedException {
    Scan baseline = scan(url, BASELINE_ROWS, PARTITIONS / 4);
    Scan ours = scan(url, ROWS, PARTITIONS);
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "100 M-row scan at " + HEAP + ": completed",
          ours.completedCell(),
          baseline.completedCell(),
          ""
        });
    // No ratio of rates: each child's rate includes its own connection and JIT warm-up, which
    // weigh ten times more in the shorter scan. Throughput proper is Bench's own measurement.
    rows.add(new String[] {"  rows/s", ours.rate(), baseline.rate(), ""});
    rows.add(
        new String[] {
          "  client peak RSS (VmHWM)",
          mib(ours, ours.peakRssKib() * 1024),
          mib(baseline, baseline.peakRssKib() * 1024),
          both(ours, baseline) && ours.peakRssKib() > 0 && baseline.peakRssKib() > 0
              ? ratio((double) ours.peakRssKib() / baseline.peakRssKib())
              : ""
        });
    rows.add(
        new String[] {
          "  client peak heap used (sum of pool peaks)",
          mib(ours, ours.peakHeapBytes()),
          mib(baseline, baseline.peakHeapBytes()),
          both(ours, baseline)
              ? ratio((double) ours.peakHeapBytes() / baseline.peakHeapBytes())
              : ""
        });
    return rows;
  }

  private static boolean both(Scan a, Scan b) {
    return a.completed() && b.completed();
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** "-" for a scan that did not complete, "unknown" for a figure the platform does not give. */
  private static String mib(Scan scan, long bytes) {
    if (!scan.completed()) {
      return "-";
    }
    return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  /** Runs one child JVM on this JVM's class path; its death is reported, never thrown. */
  private static Scan scan(String url, long rows, int partitions)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("sparkjdbc-scan", ".out");
    Path err = Files.createTempFile("sparkjdbc-scan", ".err");
    try {
      Process child =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      HEAP,
                      // Without this an OutOfMemoryError in a gRPC thread could leave main waiting
                      // forever.
                      "-XX:+ExitOnOutOfMemoryError",
                      "-cp",
                      System.getProperty("java.class.path"),
                      ScanMemoryBench.class.getName(),
                      url,
                      sql(rows, partitions)))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        child.destroyForcibly().waitFor();
        return failed("no result after " + TIMEOUT_MINUTES + " minutes");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Map<String, String> result = result(stdout);
      if (child.exitValue() != 0 || result == null) {
        System.err.println(
            "ScanMemoryBench: the child failed; its output:\n"
                + (stdout + stderr).lines().limit(40).collect(Collectors.joining("\n")));
        return failed("exit code " + child.exitValue() + ", " + firstError(stdout + stderr));
      }
      long read = Long.parseLong(result.get("rows"));
      if (read != rows) {
        return failed("read " + read + " rows, expected " + rows);
      }
      return new Scan(
          true,
          null,
          read,
          Long.parseLong(result.get("nanos")) / 1e9,
          Long.parseLong(result.get("vmhwm_kib")),
          Long.parseLong(result.get("heap_peak")));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Scan failed(String why) {
    return new Scan(false, why, 0, 0, 0, 0);
  }

  /** The {@code key=value} pairs of the child's result line, or null if it printed none. */
  private static Map<String, String> result(String stdout) {
    for (String line : stdout.split("\n")) {
      if (line.startsWith(RESULT_PREFIX)) {
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(RESULT_PREFIX.length()).trim().split(" ")) {
          int eq = pair.indexOf('=');
          values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
      }
    }
    return null;
  }

  /** The line that says what went wrong (an exception or the JVM's OOM notice). */
  private static String firstError(String output) {
    for (String line : output.split("\n")) {
      if (line.contains("Exception") || line.contains("Error")) {
        return line.trim();
      }
    }
    return "no error message";
  }

  /**
   * The child: {@code url sql}. Reads every column of every row, then prints one result line: rows,
   * nanoseconds of the query, peak RSS and peak heap use.
   */
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    long rows;
    try (JdbcReader reader = new JdbcReader(args[0])) {
      rows = reader.rows(args[1]);
    }
    long nanos = System.nanoTime() - start;
    System.out.println(
        RESULT_PREFIX
            + "rows="
            + rows
            + " nanos="
            + nanos
            + " vmhwm_kib="
            + peakRssKib()
            + " heap_peak="
            + peakHeapBytes());
  }

  /**
   * {@code VmHWM} of /proc/self/status: the process's peak resident set, in KiB; -1 where there is
   * no /proc (macOS, Windows), whose JDK offers no peak RSS: the table then says "unknown".
   */
  private static long peakRssKib() {
    Path status = Path.of("/proc/self/status");
    try {
      if (Files.isReadable(status)) {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through: not a Linux /proc
    }
    return -1;
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap ever in use at once. */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
