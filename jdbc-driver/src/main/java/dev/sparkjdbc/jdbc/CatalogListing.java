package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.proto.DataType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's catalogs with Spark's own SQL (SHOW CATALOGS / NAMESPACES / TABLE
 * EXTENDED / FUNCTIONS), one statement per catalog or namespace: a whole namespace's tables,
 * with their types and columns, come back from a single {@code SHOW TABLE EXTENDED}.
 */
final class CatalogListing {
  /** One table, view or temporary view, with its columns in order. */
  record Table(String catalog, String schema, String name, String type, List<Column> columns) {}

  record Column(String name, DataType type, boolean nullable) {}

  private static final Pattern TOP_LEVEL_COLUMN =
      Pattern.compile("^ \\|-- (.*): (.+?) \\(nullable = (true|false)\\)$");
  private static final Pattern TYPE_LINE = Pattern.compile("^Type: (.+)$");

  private final SparkConnectConnection connection;

  CatalogListing(SparkConnectConnection connection) {
    this.connection = connection;
  }

  List<String> catalogs(Predicate<String> filter) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String[] row : query("SHOW CATALOGS")) {
      if (filter.test(row[0])) {
        out.add(row[0]);
      }
    }
    return out;
  }

  List<String> schemas(String catalog, Predicate<String> filter) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String[] row : query("SHOW NAMESPACES IN " + quote(catalog))) {
      if (filter.test(row[0])) {
        out.add(row[0]);
      }
    }
    return out;
  }

  /**
   * Tables of one namespace whose names match; {@code exactName}, when the pattern has no
   * wildcard, lets the server do the filtering.
   */
  List<Table> tables(String catalog, String schema, String exactName, Predicate<String> filter)
      throws SQLException {
    String like = exactName != null && exactName.matches("[A-Za-z0-9_$ ]*") ? exactName : "*";
    List<Table> out = new ArrayList<>();
    for (String[] row : query("SHOW TABLE EXTENDED IN " + quote(catalog) + "." + quote(schema)
        + " LIKE '" + like + "'")) {
      String name = row[1];
      if (!filter.test(name)) {
        continue;
      }
      boolean temporary = Boolean.parseBoolean(row[2]);
      out.add(parse(catalog, temporary ? row[0] : schema, name, temporary, row[3]));
    }
    return out;
  }

  /** Function names of Spark's registry (built-in and user-defined). */
  List<String> functions(Predicate<String> filter) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String[] row : query("SHOW FUNCTIONS")) {
      if (filter.test(row[0])) {
        out.add(row[0]);
      }
    }
    return out;
  }

  private static Table parse(String catalog, String schema, String name, boolean temporary,
      String information) {
    String type = temporary ? (schema == null || schema.isEmpty() ? "LOCAL TEMPORARY"
        : "GLOBAL TEMPORARY") : "TABLE";
    List<Column> columns = new ArrayList<>();
    for (String line : information.split("\n")) {
      Matcher t = TYPE_LINE.matcher(line);
      if (t.matches() && !temporary) {
        type = t.group(1).trim().equalsIgnoreCase("VIEW") ? "VIEW" : "TABLE";
        continue;
      }
      Matcher c = TOP_LEVEL_COLUMN.matcher(line);
      if (c.matches()) {
        columns.add(new Column(c.group(1), SparkTypeStrings.parse(c.group(2)),
            Boolean.parseBoolean(c.group(3))));
      }
    }
    return new Table(temporary && (schema == null || schema.isEmpty()) ? null : catalog,
        temporary && (schema == null || schema.isEmpty()) ? null : schema, name, type, columns);
  }

  private List<String[]> query(String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement s = connection.internalStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
