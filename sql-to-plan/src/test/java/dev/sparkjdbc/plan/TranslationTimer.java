package dev.sparkjdbc.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints the median translation time of each .sql file in a folder (after warm-up), e.g. the TPC-H
 * queries of the conformance suite:
 *
 * <pre>
 * mvn -B -ntp -q -pl sql-to-plan test-compile dependency:build-classpath -Dmdep.outputFile=target/cp
 * java -cp sql-to-plan/target/test-classes:sql-to-plan/target/classes:$(cat sql-to-plan/target/cp) \
 *   dev.sparkjdbc.plan.TranslationTimer tck-tests/src/test/resources/tpch
 * </pre>
 *
 * A measuring tool, not a test: timings depend on the machine, so nothing here asserts them.
 */
public final class TranslationTimer {
  private TranslationTimer() {}

  public static void main(String[] args) throws Exception {
    SqlToPlan translator = new SqlToPlan(TranslationConfig.DEFAULT);
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    List<Double> medians = new ArrayList<>();
    for (Path file : files) {
      String sql = Files.readString(file);
      for (int i = 0; i < 2_000; i++) {
        translator.translate(sql); // warm-up: JIT and Calcite's parser tables
      }
      long[] nanos = new long[501];
      for (int i = 0; i < nanos.length; i++) {
        long t0 = System.nanoTime();
        Translation t = translator.translate(sql);
        nanos[i] = System.nanoTime() - t0;
        if (!t.isTranslated()) {
          throw new IllegalStateException(file + " fell back: " + t.fallbackReason().orElse(""));
        }
      }
      Arrays.sort(nanos);
      double median = nanos[nanos.length / 2] / 1e6;
      medians.add(median);
      System.out.printf("%s  median %.3f ms%n", file.getFileName(), median);
    }
    medians.sort(null);
    System.out.printf(
        "median over %d queries: %.3f ms%n", medians.size(), medians.get(medians.size() / 2));
  }
}
