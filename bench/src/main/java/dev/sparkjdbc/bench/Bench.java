package dev.sparkjdbc.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/bench}: starts the embedded server, then measures reading whole results through
 * our {@code ResultSet} against the minimal gRPC + Arrow reader, in the same run, alternating
 * the two so that a warming or loaded machine favours neither. Prints one table.
 */
public final class Bench {
  /** Median of this many timed runs per reader and shape, after one warm-up run each. */
  private static final int RUNS = 3;

  private record Shape(String name, long rows, String sql) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape("10 M rows (bigint, bigint, string)", 10_000_000,
          "SELECT id, id * 2 AS twice, CAST(id AS STRING) AS s FROM range(0, 10000000, 1, 20)"),
      new Shape("2 M rows, 20 mixed columns", 2_000_000, "SELECT id, id * 2 AS c2, "
          + "CAST(id % 1000 AS INT) AS c3, CAST(id AS DECIMAL(18,2)) / 7 AS c4, "
          + "CAST(id AS DECIMAL(10,0)) AS c5, timestamp_seconds(1700000000 + id) AS c6, "
          + "date_add(DATE '2020-01-01', CAST(id % 3650 AS INT)) AS c7, "
          + "CAST(id AS DOUBLE) / 3 AS c8, sqrt(id) AS c9, concat('name-', id) AS c10, "
          + "CAST(id AS STRING) AS c11, IF(id % 5 = 0, NULL, concat('n', id)) AS c12, "
          + "IF(id % 7 = 0, NULL, id) AS c13, IF(id % 3 = 0, NULL, CAST(id AS DOUBLE)) AS c14, "
          + "id % 2 = 0 AS c15, CAST(id % 100 AS SMALLINT) AS c16, "
          + "IF(id % 11 = 0, NULL, timestamp_seconds(id)) AS c17, upper(hex(id)) AS c18, "
          + "CAST(id AS FLOAT) AS c19, IF(id % 13 = 0, NULL, CAST(id AS DECIMAL(20,4))) AS c20 "
          + "FROM range(0, 2000000, 1, 20)"));

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 15111;
    try (BenchServer server = BenchServer.start(root, port, "4g")) {
      URI where = URI.create(server.url().substring("jdbc:".length()));
      List<String[]> table = new ArrayList<>();
      for (Shape shape : SHAPES) {
        double[] ours = new double[RUNS];
        double[] minimal = new double[RUNS];
        try (JdbcReader jdbc = new JdbcReader(server.url());
             MinimalReader wire = new MinimalReader(where.getHost(), where.getPort())) {
          measure(() -> jdbc.rows(shape.sql()), shape.rows());
          measure(() -> wire.rows(shape.sql()), shape.rows());
          for (int run = 0; run < RUNS; run++) {
            ours[run] = measure(() -> jdbc.rows(shape.sql()), shape.rows());
            minimal[run] = measure(() -> wire.rows(shape.sql()), shape.rows());
          }
          System.err.printf("%s: checksum %d%n", shape.name(), jdbc.checksum());
        }
        double oursRate = median(ours);
        double minimalRate = median(minimal);
        table.add(new String[] {shape.name(), rate(oursRate), rate(minimalRate),
            String.format(Locale.ROOT, "%.2f", oursRate / minimalRate)});
      }
      print(table);
    }
  }

  @FunctionalInterface
  private interface Read {
    long rows() throws Exception;
  }

  /** Rows per second of one run; fails if a reader saw a different number of rows. */
  private static double measure(Read read, long expectedRows) throws Exception {
    long start = System.nanoTime();
    long rows = read.rows();
    long nanos = System.nanoTime() - start;
    if (rows != expectedRows) {
      throw new IllegalStateException("read " + rows + " rows, expected " + expectedRows);
    }
    return rows * 1e9 / nanos;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String rate(double rowsPerSecond) {
    return String.format(Locale.ROOT, "%.2f M rows/s", rowsPerSecond / 1e6);
  }

  private static void print(List<String[]> rows) {
    System.out.println("| throughput, reading every column | our ResultSet | minimal gRPC + Arrow "
        + "reader | ours / minimal |");
    System.out.println("|---|---|---|---|");
    for (String[] row : rows) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }
}
