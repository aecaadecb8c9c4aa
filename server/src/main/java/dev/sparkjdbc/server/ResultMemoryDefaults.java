package dev.sparkjdbc.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark settings that keep a large query result from ending the server process.
 *
 * <p>Why they are needed: Spark Connect 4.2 sends a result by running one job whose every task
 * builds its WHOLE partition as Arrow batches on the heap, and it pushes finished partitions into
 * the response buffer with no back-pressure from the client. So the heap must hold, at once, the
 * partitions being built (about three copies each while a task serialises its result) and the part
 * of the result the client has not read yet. In local mode the tasks run in this JVM, and Spark
 * exits the JVM when a task thread runs out of memory. Measured at {@code -Xmx2g} on 2 cores with
 * Spark's defaults, {@code SELECT id, id * 2, CAST(id AS STRING) FROM range(100000000)} (2.7 GB of
 * Arrow in 2 partitions) ended the server.
 *
 * <ul>
 *   <li>{@code spark.driver.maxResultSize}, a quarter of the heap, for every master: results land
 *       in this JVM on a cluster too. Spark counts the serialised results of all the job's tasks
 *       and fails the query with a clear message once they pass it; the result then never fills the
 *       heap, whatever the client's pace. Spark's own default is 1g, which at a 2g heap let the
 *       unread result exhaust the heap first.
 *   <li>{@code spark.sql.leafNodeDefaultParallelism}, 8 tasks per local core: {@code range} and
 *       other sources without their own partitioning then make partitions small enough that the
 *       cores' tasks in flight (about three copies of a partition each) stay well under the heap,
 *       for any result up to about the heap's size. Spark's default is one partition per core.
 *   <li>{@code spark.executor.killOnFatalError.depth=0}, local masters only: a task that still runs
 *       out of memory (one explicit partition near the heap's size) fails its query instead of
 *       exiting the whole server, which serves other sessions. On a cluster an executor's own JVM
 *       should still exit and be replaced, so Spark's behaviour stays.
 * </ul>
 *
 * <p>And one JVM option, {@link #jvmOptions}: G1 regions of at least 4 MiB. Spark serialises a
 * task's result into 1 MiB chunks; with the 1 MiB (2 GB heap) or 2 MiB (4 GB heap) regions G1 picks
 * itself, each chunk is a "humongous" object that takes a whole region or two, so a result cost
 * twice its size on the heap. Measured at {@code -Xmx2g}: 4 partitions of 378 MB ran a task out of
 * memory with G1's own regions; with 4 MiB ones it failed cleanly on the result cap in 6 runs of 7
 * (in the other, a task ran out of memory, which fails only the query).
 */
final class ResultMemoryDefaults {
  /** Share of the heap that the results of one query may take: one quarter. */
  static final int HEAP_SHARE_DIVISOR = 4;

  /** Leaf partitions per local core. */
  static final int PARTITIONS_PER_CORE = 8;

  private static final Pattern LOCAL_THREADS = Pattern.compile("local\\[(\\*|\\d+)(,\\d+)?]");

  private ResultMemoryDefaults() {}

  /**
   * The settings for a server on {@code master}, in a JVM of {@code maxHeapBytes} ({@link
   * Runtime#maxMemory()}) on a machine of {@code machineCores} processors.
   */
  static Map<String, String> forServer(String master, long maxHeapBytes, int machineCores) {
    Map<String, String> conf = new LinkedHashMap<>();
    long capMiB = Math.max(1, maxHeapBytes / HEAP_SHARE_DIVISOR / (1024 * 1024));
    conf.put("spark.driver.maxResultSize", capMiB + "m");
    if (isLocal(master)) {
      long partitions = (long) PARTITIONS_PER_CORE * localCores(master, machineCores);
      conf.put(
          "spark.sql.leafNodeDefaultParallelism",
          Long.toString(Math.min(partitions, Integer.MAX_VALUE)));
      conf.put("spark.executor.killOnFatalError.depth", "0");
    }
    return conf;
  }

  /** G1 region size that keeps Spark's 1 MiB result chunks out of humongous regions. */
  static final String REGION_OPTION = "-XX:G1HeapRegionSize=4m";

  /** G1 picks regions of 4 MiB or more by itself from an 8 GiB heap on. */
  private static final long HEAP_WITH_LARGE_ENOUGH_REGIONS = 8L * 1024 * 1024 * 1024;

  /**
   * The JVM options for the server's JVM, given the options the user started it with ({@code
   * given}) and its maximum heap: {@link #REGION_OPTION} added unless the user chose a region size
   * or another collector, or the heap is large enough for G1 to pick such regions itself.
   */
  static List<String> jvmOptions(List<String> given, long maxHeapBytes) {
    List<String> options = new ArrayList<>(given);
    boolean userChose =
        given.stream()
            .anyMatch(
                o ->
                    o.startsWith("-XX:G1HeapRegionSize=")
                        || (o.startsWith("-XX:+Use")
                            && o.endsWith("GC")
                            && !o.equals("-XX:+UseG1GC")));
    if (!userChose && maxHeapBytes < HEAP_WITH_LARGE_ENOUGH_REGIONS) {
      options.add(REGION_OPTION);
    }
    return options;
  }

  /** Masters that run the tasks inside this JVM. {@code local-cluster} has executor JVMs. */
  static boolean isLocal(String master) {
    return master.equals("local") || master.startsWith("local[");
  }

  /** The task threads of a local master: local, local[N], local[*], local[N,F], local[*,F]. */
  static int localCores(String master, int machineCores) {
    Matcher m = LOCAL_THREADS.matcher(master);
    if (!m.matches()) {
      return 1; // plain "local": one thread
    }
    if (m.group(1).equals("*")) {
      return machineCores;
    }
    try {
      return Math.max(1, Integer.parseInt(m.group(1)));
    } catch (NumberFormatException tooLarge) {
      return machineCores; // Spark refuses such a master itself; any value will do here
    }
  }
}
