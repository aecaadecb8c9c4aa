package dev.sparkjdbc.tck.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The eight TPC-H tables at a small scale factor, generated in this JVM and loaded once per server
 * (per server URL) into the schema {@value #SCHEMA} as parquet tables, so that they neither meet
 * nor show among other tests' tables in {@code default}.
 *
 * <p>Types follow the TPC-H specification: identifiers BIGINT, integers INT, prices, amounts,
 * quantities and rates DECIMAL(15,2), dates DATE, texts STRING. Loading: each table is written as
 * one '|'-delimited CSV file under {@code target/}, read through a temporary CSV view with the
 * declared schema and copied into a parquet table ({@code CREATE TABLE … USING parquet AS SELECT});
 * the CSV files are deleted afterwards, the tables live in the server's warehouse.
 *
 * <p>Public, with {@link TpchQueries}, for the bench module, which loads the same tables from this
 * module's test jar to time the queries.
 */
public final class TpchDatabase {
  public static final String SCHEMA = "tpch";
  static final double SCALE_FACTOR = 0.01;

  private static final Map<String, TpchDatabase> LOADED = new HashMap<>();

  private final String serverUrl;

  private TpchDatabase(String serverUrl) {
    this.serverUrl = serverUrl;
  }

  /** The TPC-H database on the server at {@code serverUrl}, generated and loaded on first use. */
  public static synchronized TpchDatabase on(String serverUrl) {
    TpchDatabase db = LOADED.get(serverUrl);
    if (db == null) {
      db = load(serverUrl);
      LOADED.put(serverUrl, db);
    }
    return db;
  }

  /**
   * A new connection in the given translation mode ({@code translate}, {@code strict} or {@code
   * text}). Queries name the tables with their schema ({@code tpch.lineitem}): a strict connection
   * refuses {@code USE tpch}, which is no query, and the current schema is per connection (per
   * Spark session).
   */
  public Connection connect(String translationMode) throws SQLException {
    return DriverManager.getConnection(serverUrl + "/;translation_mode=" + translationMode);
  }

  private static TpchDatabase load(String serverUrl) {
    long start = System.nanoTime();
    Path dir = csvDirectory();
    try {
      Map<String, Long> counts = new LinkedHashMap<>();
      List<TableFile> files = new ArrayList<>();
      for (TpchTable<?> table : TpchTable.getTables()) {
        TableFile file = writeCsv(table, dir);
        files.add(file);
        counts.put(file.name(), file.rows());
      }
      long generated = System.nanoTime();
      try (Connection connection =
              DriverManager.getConnection(serverUrl + "/;translation_mode=text");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        for (TableFile file : files) {
          String view = "tpch_csv_" + file.name();
          statement.execute(
              "CREATE OR REPLACE TEMPORARY VIEW "
                  + view
                  + " ("
                  + file.columns()
                  + ")"
                  + " USING csv OPTIONS (path '"
                  + file.path().toAbsolutePath()
                  + "',"
                  + " header 'false', delimiter '|', quote '', mode 'FAILFAST')");
          statement.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + file.name());
          statement.execute(
              "CREATE TABLE "
                  + SCHEMA
                  + "."
                  + file.name()
                  + " USING parquet AS SELECT * FROM "
                  + view);
          statement.execute("DROP VIEW " + view);
          checkRowCount(statement, file);
        }
      }
      System.out.printf(
          "TPC-H SF %s generated in %d ms, loaded into schema %s in %d ms: %s%n",
          SCALE_FACTOR,
          (generated - start) / 1_000_000,
          SCHEMA,
          (System.nanoTime() - generated) / 1_000_000,
          counts);
      return new TpchDatabase(serverUrl);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load TPC-H into " + serverUrl + ": " + e, e);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void checkRowCount(Statement statement, TableFile file) throws SQLException {
    String table = SCHEMA + "." + file.name();
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      long loaded = rs.next() ? rs.getLong(1) : -1;
      if (loaded != file.rows()) {
        throw new IllegalStateException(
            table + " holds " + loaded + " rows, but " + file.rows() + " were generated");
      }
    }
  }

  private static Path csvDirectory() {
    String workDir = System.getProperty("sparkjdbc.tck.workDir");
    if (workDir == null || workDir.isBlank()) {
      throw new IllegalStateException(
          "system property sparkjdbc.tck.workDir is not set: run this suite through Maven");
    }
    try {
      return Files.createTempDirectory(Path.of(workDir), "tpch-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record TableFile(String name, String columns, Path path, long rows) {}

  private static <E extends TpchEntity> TableFile writeCsv(TpchTable<E> table, Path dir) {
    List<TpchColumn<E>> columns = table.getColumns();
    List<String> declarations = new ArrayList<>();
    for (TpchColumn<E> column : columns) {
      declarations.add(column.getColumnName() + " " + sqlType(column));
    }
    Path path = dir.resolve(table.getTableName() + ".csv");
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (E entity : table.createGenerator(SCALE_FACTOR, 1, 1)) {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
          if (i > 0) {
            line.append('|');
          }
          line.append(value(columns.get(i), entity));
        }
        out.append(line).append('\n');
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return new TableFile(table.getTableName(), String.join(", ", declarations), path, rows);
  }

  private static String sqlType(TpchColumn<?> column) {
    TpchColumnType.Base base = column.getType().getBase();
    switch (base) {
      case IDENTIFIER:
        return "BIGINT";
      case INTEGER:
        return "INT";
      case DOUBLE:
        return "DECIMAL(15,2)";
      case DATE:
        return "DATE";
      case VARCHAR:
        return "STRING";
      default:
        throw new IllegalArgumentException("unknown TPC-H column type " + base);
    }
  }

  private static <E extends TpchEntity> String value(TpchColumn<E> column, E entity) {
    switch (column.getType().getBase()) {
      case IDENTIFIER:
        return Long.toString(column.getIdentifier(entity));
      case INTEGER:
        return Integer.toString(column.getInteger(entity));
      case DOUBLE:
        // The generator's money values are exact cents held in a double.
        return BigDecimal.valueOf(column.getDouble(entity))
            .setScale(2, RoundingMode.HALF_UP)
            .toPlainString();
      case DATE:
        return LocalDate.ofEpochDay(column.getDate(entity)).toString();
      case VARCHAR:
        String text = column.getString(entity);
        // One line per row, no quoting, and an empty field would read back as NULL.
        if (text.isEmpty()
            || text.indexOf('|') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0) {
          throw new IllegalStateException(
              column.getColumnName() + " cannot be written to the CSV file: [" + text + "]");
        }
        return text;
      default:
        throw new IllegalArgumentException("unknown TPC-H column type " + column.getType());
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
