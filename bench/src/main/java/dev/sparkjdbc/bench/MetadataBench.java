package dev.sparkjdbc.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code DatabaseMetaData.getColumns} and {@code getTables} over a schema of 500 tables of 10
 * columns, what a BI tool asks when it opens a schema. The baseline is what an application without
 * {@code DatabaseMetaData} would do over plain statements: for the columns, {@code SHOW TABLES IN}
 * the schema, then one {@code DESCRIBE TABLE} per table; for the tables and their types, {@code
 * SHOW TABLES} and {@code SHOW VIEWS}. Both sides must list the same names, or the comparison would
 * say nothing. (getTables also answers each table's comment, which the baseline does not read.)
 */
final class MetadataBench {
  static final String SCHEMA = "bench_meta";
  private static final int TABLES = 500;

  /** Mixed types, so that the listing converts more than one type name. */
  private static final String COLUMNS =
      "(id BIGINT, name STRING, amount DECIMAL(18,2), "
          + "ratio DOUBLE, qty INT, created TIMESTAMP, day DATE, flag BOOLEAN, code STRING, "
          + "payload BINARY)";

  private static final int COLUMNS_PER_TABLE = 10;

  /** Timed runs per measurement (median), after one run that warms up and checks both sides. */
  private static final int RUNS = 5;

  /** The server runs statements of different sessions in parallel; the machine has 2 cores. */
  private static final int CREATORS = 2;

  private MetadataBench() {}

  @FunctionalInterface
  private interface Listing {
    /** The columns ("table.column") or tables ("TYPE table") listed, in listing order. */
    List<String> names() throws SQLException;
  }

  /** Rows: what, ours, baseline, ours / baseline (times: below 1 means ours is faster). */
  static List<String[]> run(String url) throws Exception {
    long start = System.nanoTime();
    // Always start from a schema of known content: a run that died half-way (or an older bench
    // with other tables) may have left one behind on a server that outlives the bench.
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    }
    try {
      createTables(url, SCHEMA, TABLES);
      double createSeconds = (System.nanoTime() - start) / 1e9;
      System.err.printf(
          Locale.ROOT,
          "MetadataBench: created %d tables x %d columns in %.1f s%n",
          TABLES,
          COLUMNS_PER_TABLE,
          createSeconds);
      try (Connection c = DriverManager.getConnection(url)) {
        DatabaseMetaData meta = c.getMetaData();
        List<String[]> rows = new ArrayList<>();
        rows.add(
            compare(
                "getColumns(null, \""
                    + SCHEMA
                    + "\", \"%\", \"%\"), "
                    + TABLES * COLUMNS_PER_TABLE
                    + " columns",
                () -> columns(meta),
                () -> describeEach(c),
                TABLES * COLUMNS_PER_TABLE));
        rows.add(
            compare(
                "getTables(null, \"" + SCHEMA + "\", \"%\", null), " + TABLES + " tables",
                () -> tables(meta),
                () -> showTablesAndViews(c),
                TABLES));
        return rows;
      }
    } finally {
      long dropStart = System.nanoTime();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        System.err.printf(
            Locale.ROOT,
            "MetadataBench: dropped the schema in %.1f s%n",
            (System.nanoTime() - dropStart) / 1e9);
      } catch (SQLException e) {
        // Not thrown: it would hide the failure that got us here; the next run drops it first.
        System.err.println("MetadataBench: could not drop " + SCHEMA + ": " + e.getMessage());
      }
    }
  }

  /** Creating 500 tables one by one is most of this benchmark's time: two sessions share it. */
  static void createTables(String url, String schema, int tables) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < CREATORS; w++) {
        int first = w;
        done.add(
            pool.submit(
                () -> {
                  try (Connection c = DriverManager.getConnection(url);
                      Statement s = c.createStatement()) {
                    for (int t = first; t < tables; t += CREATORS) {
                      s.execute(
                          "CREATE TABLE "
                              + schema
                              + "."
                              + table(t)
                              + " "
                              + COLUMNS
                              + " USING parquet");
                    }
                  }
                  return null;
                }));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static String table(int t) {
    return String.format(Locale.ROOT, "t_%03d", t);
  }

  /**
   * Median milliseconds of both listings, alternating them so that neither gets a warmer server;
   * fails unless both list exactly the same names.
   */
  private static String[] compare(String what, Listing ours, Listing baseline, int expected)
      throws SQLException {
    List<String> oursNames = ours.names();
    List<String> baselineNames = baseline.names();
    if (oursNames.size() != expected || !oursNames.equals(baselineNames)) {
      throw new IllegalStateException(
          what
              + ": ours listed "
              + oursNames.size()
              + ", the baseline "
              + baselineNames.size()
              + ", expected "
              + expected
              + (oursNames.size() == baselineNames.size()
                  ? " (same count, other names or order)"
                  : ""));
    }
    double[] oursMillis = new double[RUNS];
    double[] baselineMillis = new double[RUNS];
    for (int run = 0; run < RUNS; run++) {
      oursMillis[run] = millis(ours, expected);
      baselineMillis[run] = millis(baseline, expected);
    }
    double o = Bench.median(oursMillis);
    double b = Bench.median(baselineMillis);
    return new String[] {what, format(o), format(b), String.format(Locale.ROOT, "%.3f", o / b)};
  }

  private static double millis(Listing listing, int expected) throws SQLException {
    long start = System.nanoTime();
    int listed = listing.names().size();
    double millis = (System.nanoTime() - start) / 1e6;
    if (listed != expected) {
      throw new IllegalStateException("listed " + listed + ", expected " + expected);
    }
    return millis;
  }

  private static List<String> columns(DatabaseMetaData meta) throws SQLException {
    return columns(meta, SCHEMA);
  }

  static List<String> columns(DatabaseMetaData meta, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
      while (rs.next()) {
        // Read what a tool shows, not only the names, so that no getter is skipped.
        rs.getString("TYPE_NAME");
        rs.getInt("DATA_TYPE");
        rs.getInt("ORDINAL_POSITION");
        names.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }

  private static List<String> tables(DatabaseMetaData meta) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, SCHEMA, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_TYPE") + " " + rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** The schema's own tables by name, sorted (SHOW TABLES also lists temporary views). */
  private static List<String> showTables(Connection c) throws SQLException {
    return names(c, "SHOW TABLES IN " + SCHEMA, "tableName");
  }

  /**
   * What getTables answers, name and type, over plain statements: SHOW TABLES lists views too but
   * does not say which are views, SHOW VIEWS does. Two round trips.
   */
  private static List<String> showTablesAndViews(Connection c) throws SQLException {
    Set<String> views = new HashSet<>(names(c, "SHOW VIEWS IN " + SCHEMA, "viewName"));
    List<String> typed = new ArrayList<>();
    for (String table : showTables(c)) {
      typed.add((views.contains(table) ? "VIEW " : "TABLE ") + table);
    }
    typed.sort(null); // getTables orders by type, then name
    return typed;
  }

  private static List<String> names(Connection c, String sql, String column) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        if (!rs.getBoolean("isTemporary")) {
          names.add(rs.getString(column));
        }
      }
    }
    names.sort(null);
    return names;
  }

  /** SHOW TABLES, then DESCRIBE TABLE for each: one round trip per table. */
  private static List<String> describeEach(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      for (String table : showTables(c)) {
        try (ResultSet rs = s.executeQuery("DESCRIBE TABLE " + SCHEMA + "." + table)) {
          while (rs.next()) {
            String column = rs.getString("col_name");
            // DESCRIBE appends sections ("# Partition Information", …) after a blank row.
            if (column.isEmpty() || column.startsWith("#")) {
              break;
            }
            rs.getString("data_type");
            names.add(table + "." + column);
          }
        }
      }
    }
    return names;
  }

  private static String format(double millis) {
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
