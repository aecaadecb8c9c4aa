package dev.sparkjdbc.bench;

import dev.sparkjdbc.tck.tpch.TpchDatabase;
import dev.sparkjdbc.tck.tpch.TpchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Translation time per TPC-H query ({@link TranslationBenchmark}, JMH) next to the query's
 * execution time on the server through our driver, for the target "median translation time ≤ 1% of
 * the median server execution time". The tables (SF 0.01, schema {@code tpch}) and the query texts
 * are those of the conformance suite's TPC-H differential test.
 */
final class TpchTranslationBench {
  /** Timed executions per query, after one warm-up execution; the median counts. */
  private static final int RUNS = 3;

  private TpchTranslationBench() {}

  /**
   * Rows of the table: query, translation (µs), server execution (ms), translation as a percentage
   * of execution; last, the medians over all queries and their ratio. {@code jdbcUrl}: the server's
   * base URL ({@code jdbc:sc://host:port}, no properties).
   */
  static List<String[]> run(String jdbcUrl) throws Exception {
    long start = System.nanoTime();
    loadTables(jdbcUrl);
    long loaded = System.nanoTime();
    Map<String, Double> serverMillis = serverMillis(jdbcUrl);
    long executed = System.nanoTime();
    // After the executions, not beside them: the two would compete for the machine's cores.
    Map<String, Double> translationMicros = translationMicros();
    System.err.printf(
        Locale.ROOT,
        "TPC-H: tables loaded in %d s, queries executed in %d s, "
            + "translation measured (JMH) in %d s%n",
        (loaded - start) / 1_000_000_000,
        (executed - loaded) / 1_000_000_000,
        (System.nanoTime() - executed) / 1_000_000_000);
    List<String[]> rows = new ArrayList<>();
    for (String query : TpchQueries.names()) {
      rows.add(row(query, translationMicros.get(query), serverMillis.get(query)));
    }
    rows.add(
        row(
            "median of " + rows.size() + " queries",
            median(translationMicros.values()),
            median(serverMillis.values())));
    return rows;
  }

  /**
   * Wall time of execute-and-read-every-row per query, through the driver as configured by default;
   * so it includes one translation, which is what the comparison is about.
   */
  private static Map<String, Double> serverMillis(String jdbcUrl) throws Exception {
    Map<String, Double> medians = new HashMap<>();
    try (JdbcReader reader = new JdbcReader(jdbcUrl)) {
      for (String query : TpchQueries.names()) {
        String sql = TpchQueries.sql(query);
        reader.rows(sql); // warm-up: code generation, file listing, the session's plan cache
        double[] millis = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
          long start = System.nanoTime();
          if (reader.rows(sql) == 0) {
            throw new IllegalStateException(query + " returned no rows");
          }
          millis[run] = (System.nanoTime() - start) / 1e6;
        }
        medians.put(query, Bench.median(millis));
      }
    }
    return medians;
  }

  private static void loadTables(String jdbcUrl) throws Exception {
    // TpchDatabase writes its CSV files below the tck's work directory, which Maven sets for
    // the tests; here a temporary one, which it leaves empty.
    if (System.getProperty("sparkjdbc.tck.workDir") == null) {
      Path dir = Files.createTempDirectory("sparkjdbc-bench-tpch");
      dir.toFile().deleteOnExit();
      System.setProperty("sparkjdbc.tck.workDir", dir.toString());
    }
    TpchDatabase.on(jdbcUrl);
  }

  /**
   * JMH's average time per translation, the median of its measurement iterations, per query. One
   * fork (a JVM of its own, with this JVM's class path and flags) per query, 7 s of iterations
   * each: about 3 minutes in all. Calcite's parser is still getting faster after 3 s, hence 4
   * warm-up seconds; the median of the iterations discounts a stray slow one.
   */
  private static Map<String, Double> translationMicros() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(TranslationBenchmark.class.getName()) + "\\.")
            .forks(1)
            .warmupIterations(4)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.milliseconds(600))
            .shouldFailOnError(true)
            .build();
    // JMH's progress to stderr: stdout is the bench's table.
    Runner runner =
        new Runner(
            options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL));
    Map<String, Double> medians = new HashMap<>();
    for (RunResult result : runner.run()) {
      medians.put(
          result.getParams().getParam("query"),
          result.getPrimaryResult().getStatistics().getPercentile(50));
    }
    return medians;
  }

  private static String[] row(String query, double micros, double millis) {
    return new String[] {
      query,
      String.format(Locale.ROOT, "%.0f µs", micros),
      String.format(Locale.ROOT, "%.0f ms", millis),
      String.format(Locale.ROOT, "%.2f%%", micros / 1e3 / millis * 100)
    };
  }

  private static double median(Collection<Double> values) {
    return Bench.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
