package dev.sparkjdbc.tck.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Names and clean-up for the metadata tests. The server is shared by the whole suite, so every test
 * class works in schemas of its own, named with a random suffix, and drops them at the end. Public
 * only for {@link #dropQuietly}, which the fault tests use for their own schemas.
 */
public final class TestSchemas {
  /** The catalog Spark's built-in session catalog answers to. */
  public static final String SESSION_CATALOG = "spark_catalog";

  private TestSchemas() {}

  /** A fresh lower-case name: Spark's session catalog stores names in lower case. */
  public static String unique(String prefix) {
    return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
        .toLowerCase(Locale.ROOT);
  }

  public static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** Drops the schemas with everything in them, on a connection of its own. */
  public static void dropQuietly(String url, String... schemas) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      System.err.println("could not drop " + String.join(", ", schemas) + ": " + e);
    }
  }

  /** Every row of a result set as label → value maps (getObject), closing it. */
  public static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The column labels of a result set, in order. */
  public static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      labels.add(md.getColumnLabel(i));
    }
    return labels;
  }

  /** One string column of every row, closing the result set. */
  public static List<String> strings(ResultSet rs, String label) throws SQLException {
    try (rs) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(label));
      }
      return out;
    }
  }
}
