package dev.sparkjdbc.bench;

import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.plan.Translation;
import dev.sparkjdbc.plan.TranslationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * What a statement that goes as SQL text costs the client before it is sent, for the target "a
 * repeated fallback costs at most 0.1 ms". The baseline is the same kind of statement whose text
 * changes every time, so that only a failed parse can decide it. Client only, no server.
 */
final class FallbackBench {
  private static final int CALLS = 2_000;

  /** Delta time travel: Spark syntax that Calcite's grammar does not take. */
  private static final IntFunction<String> SPARK_ONLY =
      i ->
          "SELECT o_orderkey, o_totalprice FROM orders VERSION AS OF "
              + (i % 7)
              + " WHERE o_orderkey > "
              + i;

  private FallbackBench() {}

  static List<String[]> run() throws SqlTranslationException {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        row(
            "Spark-only query, same text again (per connection cache)",
            median(i -> SPARK_ONLY.apply(0), true),
            median(SPARK_ONLY, true)));
    rows.add(
        row(
            "INSERT … VALUES, new literals every time (decided by its first keyword)",
            median(i -> "INSERT INTO orders VALUES (" + i + ", 'O', " + i * 3 + ".5)", false),
            median(SPARK_ONLY, true)));
    return rows;
  }

  /** Median nanoseconds of {@code translate} on one connection's translator, after a warm-up. */
  private static double median(IntFunction<String> sql, boolean query)
      throws SqlTranslationException {
    SqlToPlan translator = new SqlToPlan(TranslationConfig.DEFAULT);
    double[] nanos = new double[CALLS];
    for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT
      for (int i = 0; i < CALLS; i++) {
        String text = sql.apply(pass * CALLS + i);
        long start = System.nanoTime();
        Translation t = translator.translate(text);
        nanos[i] = System.nanoTime() - start;
        if (t.isTranslated() || t.isQuery() != query) {
          throw new IllegalStateException("not a fallback of the expected kind: " + text);
        }
      }
    }
    return Bench.median(nanos);
  }

  private static String[] row(String what, double oursNanos, double baselineNanos) {
    return new String[] {
      what,
      String.format(Locale.ROOT, "%.1f µs", oursNanos / 1e3),
      String.format(Locale.ROOT, "%.0f µs", baselineNanos / 1e3),
      String.format(Locale.ROOT, "%.3f", oursNanos / baselineNanos)
    };
  }
}
