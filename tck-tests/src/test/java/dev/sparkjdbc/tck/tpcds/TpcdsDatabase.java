package dev.sparkjdbc.tck.tpcds;

import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The 24 TPC-DS tables at scale factor {@value #SCALE_FACTOR}, generated in this JVM by the {@code
 * io.trino.tpcds} generator (a Java port of dsdgen) and loaded into the schema {@value #SCHEMA} as
 * parquet tables, once per server.
 *
 * <p>Types: surrogate keys and integers INT (what Spark's own TPC-DS suite declares), decimals with
 * the generator's precision and scale, dates DATE, CHAR/VARCHAR/TIME as STRING (no padding to
 * compare). Loading: each table is written as one '|'-delimited file with {@code \N} for NULL, read
 * through a temporary CSV view with the declared schema and copied into a parquet table; the files
 * are deleted afterwards.
 */
public final class TpcdsDatabase {
  public static final String SCHEMA = "tpcds";
  static final double SCALE_FACTOR = 0.01;
  private static final String NULL = "\\N";

  private static long loadMillis = -1;

  private TpcdsDatabase() {}

  /** Loads the tables on the server at {@code serverUrl} if not yet done; returns the load time. */
  public static synchronized long load(String serverUrl) throws SQLException {
    if (loadMillis >= 0) {
      return 0;
    }
    long start = System.nanoTime();
    Path dir = directory();
    // The generator writes the next table's file while Spark loads the previous one.
    ExecutorService generator =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tpcds-generator");
              t.setDaemon(true);
              return t;
            });
    try (Connection connection =
            DriverManager.getConnection(serverUrl + "/;translation_mode=text");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      List<Future<TableFile>> files = new ArrayList<>();
      for (Table table : Table.getBaseTables()) {
        files.add(generator.submit(() -> write(table, dir)));
      }
      long rows = 0;
      for (Future<TableFile> pending : files) {
        TableFile file = pending.get();
        rows += file.rows();
        copyIntoParquet(statement, file);
        Files.delete(file.path());
      }
      loadMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "TPC-DS SF %s: %d rows generated and loaded into schema %s in %d ms%n",
          SCALE_FACTOR, rows, SCHEMA, loadMillis);
      return loadMillis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot generate the TPC-DS data", e.getCause());
    } finally {
      generator.shutdownNow();
      deleteRecursively(dir);
    }
  }

  private static void copyIntoParquet(Statement statement, TableFile file) throws SQLException {
    String view = "tpcds_csv_" + file.name();
    statement.execute(
        "CREATE OR REPLACE TEMPORARY VIEW "
            + view
            + " ("
            + file.columns()
            + ") USING csv OPTIONS (path '"
            + file.path().toAbsolutePath()
            + "', header 'false', delimiter '|', quote '', nullValue '\\\\N',"
            + " mode 'FAILFAST')");
    statement.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + file.name());
    statement.execute(
        "CREATE TABLE " + SCHEMA + "." + file.name() + " USING parquet AS SELECT * FROM " + view);
    statement.execute("DROP VIEW " + view);
    try (ResultSet rs =
        statement.executeQuery("SELECT count(*) FROM " + SCHEMA + "." + file.name())) {
      long loaded = rs.next() ? rs.getLong(1) : -1;
      if (loaded != file.rows()) {
        throw new IllegalStateException(
            file.name() + " holds " + loaded + " rows, but " + file.rows() + " were generated");
      }
    }
  }

  private record TableFile(String name, String columns, Path path, long rows) {}

  private static TableFile write(Table table, Path dir) throws IOException {
    List<String> declarations = new ArrayList<>();
    for (Column column : table.getColumns()) {
      declarations.add(sparkName(column.getName()) + " " + sqlType(column.getType()));
    }
    Path path = dir.resolve(table.getName() + ".csv");
    Session session =
        Session.getDefaultSession()
            .withScale(SCALE_FACTOR)
            .withParallelism(1)
            .withChunkNumber(1)
            .withTable(table);
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (List<List<String>> group : Results.constructResults(table, session)) {
        // The first row of a group is this table's; the others belong to child tables.
        List<String> row = group.get(0);
        line.setLength(0);
        for (int i = 0; i < row.size(); i++) {
          String value = row.get(i);
          if (value != null
              && (value.indexOf('|') >= 0 || value.indexOf('\n') >= 0 || value.equals(NULL))) {
            throw new IllegalStateException(
                table.getName() + " value cannot be written to the CSV file: [" + value + "]");
          }
          line.append(i == 0 ? "" : "|").append(value == null ? NULL : value);
        }
        out.append(line).append('\n');
        rows++;
      }
    }
    return new TableFile(table.getName(), String.join(", ", declarations), path, rows);
  }

  /**
   * The column's name in the schema Spark's TPC-DS queries are written for: the generator follows a
   * later specification, which renamed customer.c_last_review_date (q30 reads it).
   */
  private static String sparkName(String generatorName) {
    return generatorName.equals("c_last_review_date_sk") ? "c_last_review_date" : generatorName;
  }

  private static String sqlType(ColumnType type) {
    switch (type.getBase()) {
      case IDENTIFIER:
      case INTEGER:
        return "INT";
      case DECIMAL:
        return "DECIMAL("
            + type.getPrecision().orElseThrow()
            + ","
            + type.getScale().orElseThrow()
            + ")";
      case DATE:
        return "DATE";
      case CHAR:
      case VARCHAR:
      case TIME:
        return "STRING";
      default:
        throw new IllegalArgumentException("unknown TPC-DS column type " + type.getBase());
    }
  }

  private static Path directory() {
    String workDir = System.getProperty("sparkjdbc.tck.workDir");
    if (workDir == null || workDir.isBlank()) {
      throw new IllegalStateException(
          "system property sparkjdbc.tck.workDir is not set: run this suite through Maven");
    }
    try {
      return Files.createTempDirectory(Path.of(workDir), "tpcds-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it lives under target/
    }
  }
}
