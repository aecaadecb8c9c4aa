package dev.sparkjdbc.bench;

import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.plan.Translation;
import dev.sparkjdbc.plan.TranslationConfig;
import dev.sparkjdbc.proto.Plan;
import dev.sparkjdbc.tck.tpch.TpchQueries;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the driver does to a TPC-H query's text before it sends anything: translation by {@link
 * SqlToPlan} with the configuration a connection has by default, into the {@link Plan} that {@code
 * Statement.execute} streams. Public, as JMH's generated code requires; run by {@link
 * TpchTranslationBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TranslationBenchmark {
  @Param({
    "q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13",
    "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"
  })
  public String query;

  private SqlToPlan translator;
  private String sql;

  @Setup
  public void setUp() throws SqlTranslationException {
    // One translator per connection in the driver, made when it connects: not timed.
    translator = new SqlToPlan(TranslationConfig.DEFAULT);
    sql = TpchQueries.sql(query);
    Translation translation = translator.translate(sql);
    if (!translation.isTranslated()) {
      // A fallback costs next to nothing and would flatter the number.
      throw new IllegalStateException(
          query + " is not translated: " + translation.fallbackReason().orElse("?"));
    }
  }

  @Benchmark
  public Plan translate() throws SqlTranslationException {
    // Returned, so that JMH keeps the work alive.
    return Plan.newBuilder().setRoot(translator.translate(sql).relation().orElseThrow()).build();
  }
}
