package dev.sparkjdbc.bench.sparkclient;

import org.apache.spark.sql.SparkSession;

/**
 * Latency of {@code SELECT 1} as an application gets the value through Spark's Connect client.
 *
 * <p>{@code spark.sql(text).collectAsList().get(0).getInt(0)} is the idiomatic Java form; {@code
 * first()} and {@code head()} add a limit to the plan and cost the same round trips. In Connect,
 * {@code spark.sql} is eager: it sends the text as a {@code SqlCommand} and waits for the server to
 * answer with the relation to run, then {@code collectAsList} executes that relation. So each value
 * costs two ExecutePlan round trips, and that is what an application pays.
 */
final class SelectOne {
  private SelectOne() {}

  static long[] time(SparkSession spark, int n) {
    long[] nanos = new long[n];
    for (int run = 0; run < n; run++) {
      long start = System.nanoTime();
      int value = spark.sql("SELECT 1").collectAsList().get(0).getInt(0);
      nanos[run] = System.nanoTime() - start;
      if (value != 1) {
        throw new IllegalStateException("SELECT 1 answered " + value);
      }
    }
    return nanos;
  }
}
