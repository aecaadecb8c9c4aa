package dev.sparkjdbc.jdbc.metadata;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server's catalogs with Spark's own SQL (SHOW CATALOGS / NAMESPACES / TABLE EXTENDED /
 * FUNCTIONS), one statement per catalog or namespace: a whole namespace's tables, with their types
 * and columns, come back from a single {@code SHOW TABLE EXTENDED}.
 */
public final class CatalogListing {
  /** One table, view or temporary view, with its columns in order. */
  record Table(
      String catalog,
      String schema,
      String name,
      String type,
      String remarks,
      List<Column> columns) {}

  record Column(
      String name, DataType type, boolean nullable, String remarks, String defaultValue) {}

  /** Spark keeps global temporary views in this namespace, which SHOW NAMESPACES leaves out. */
  static final String GLOBAL_TEMP = "global_temp";

  private static final Pattern TOP_LEVEL_COLUMN =
      Pattern.compile("^ \\|-- (.*): (.+?) \\(nullable = (true|false)\\)$");
  private static final Pattern TYPE_LINE = Pattern.compile("^Type: (.+)$");
  private static final Pattern COMMENT_LINE = Pattern.compile("^Comment: (.*)$");

  private final MetadataConnection connection;

  CatalogListing(MetadataConnection connection) {
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
    if (catalog.equals("spark_catalog") && filter.test(GLOBAL_TEMP) && !out.contains(GLOBAL_TEMP)) {
      out.add(GLOBAL_TEMP);
    }
    return out;
  }

  /**
   * Tables of one namespace whose names match; {@code exactName}, when the pattern has no wildcard,
   * lets the server do the filtering. Without {@code columns} (getTables), every table's column
   * list is empty: the schema lines are not parsed, and the extra round trips that complete the
   * columns (a Delta table's schema, DESCRIBE of a table named exactly) are not made.
   */
  List<Table> tables(
      String catalog, String schema, String exactName, Predicate<String> filter, boolean columns)
      throws SQLException {
    String like = exactName != null && exactName.matches("[A-Za-z0-9_$ ]*") ? exactName : "*";
    String in = schema == null ? "" : " IN " + quote(catalog) + "." + quote(schema);
    List<Table> out = new ArrayList<>();
    for (String[] row : query("SHOW TABLE EXTENDED" + in + " LIKE '" + like + "'")) {
      String name = row[1];
      if (!filter.test(name)) {
        continue;
      }
      boolean temporary = Boolean.parseBoolean(row[2]);
      Table table = parse(catalog, temporary ? row[0] : schema, name, temporary, row[3], columns);
      if (columns) {
        table = withColumns(table);
        table = exactName != null && table.schema() != null ? described(table) : table;
      }
      out.add(table);
    }
    return out;
  }

  /**
   * A table whose listing shows no columns: Delta Lake (and other formats that keep the schema in
   * their own log) leave it out of SHOW TABLE EXTENDED, so Spark's analyzer is asked (one round
   * trip per such table). A table that cannot be read keeps its empty column list.
   */
  private Table withColumns(Table table) throws SQLException {
    if (!table.columns().isEmpty() || table.schema() == null || !table.type().equals("TABLE")) {
      return table;
    }
    DataType schema;
    try {
      schema =
          connection.tableSchema(
              quote(table.catalog()) + "." + quote(table.schema()) + "." + quote(table.name()));
    } catch (SQLException e) {
      connection.checkOpen();
      return table;
    }
    List<Column> columns = new ArrayList<>();
    for (DataType.StructField f : schema.getStruct().getFieldsList()) {
      columns.add(new Column(f.getName(), f.getDataType(), f.getNullable(), "", null));
    }
    return new Table(
        table.catalog(), table.schema(), table.name(), table.type(), table.remarks(), columns);
  }

  /**
   * One table asked for by name: DESCRIBE adds what the schema listing lacks, the declared
   * CHAR/VARCHAR types, column comments and defaults (one more round trip, for that table only).
   */
  private Table described(Table table) throws SQLException {
    List<String[]> rows;
    try {
      rows =
          query(
              "DESCRIBE TABLE "
                  + quote(table.catalog())
                  + "."
                  + quote(table.schema())
                  + "."
                  + quote(table.name()));
    } catch (SQLException e) {
      return table; // e.g. a view over a dropped table: the listing is still right
    }
    Map<String, String[]> declared = new HashMap<>();
    Map<String, String> defaults = new HashMap<>();
    boolean inDefaults = false;
    for (String[] r : rows) {
      String name = r[0] == null ? "" : r[0];
      if (name.startsWith("#")) {
        inDefaults = name.equals("# Column Default Values");
        continue;
      }
      if (name.isEmpty()) {
        continue;
      }
      if (inDefaults) {
        defaults.put(name, r[2]);
      } else {
        declared.putIfAbsent(name, r);
      }
    }
    List<Column> columns = new ArrayList<>();
    for (Column c : table.columns()) {
      String[] d = declared.get(c.name());
      DataType type = c.type();
      if (d != null && d[1] != null && d[1].matches("(?i)(var)?char\\(\\d+\\)")) {
        type = SparkTypeNames.parse(d[1]);
      }
      columns.add(
          new Column(
              c.name(),
              type,
              c.nullable(),
              d == null || d[2] == null ? "" : d[2],
              defaults.get(c.name())));
    }
    return new Table(
        table.catalog(), table.schema(), table.name(), table.type(), table.remarks(), columns);
  }

  /** User functions of a namespace, as (catalog, schema, name). */
  List<String[]> userFunctions(String catalog, String schema, Predicate<String> filter)
      throws SQLException {
    List<String[]> out = new ArrayList<>();
    for (String[] row : query("SHOW USER FUNCTIONS IN " + quote(catalog) + "." + quote(schema))) {
      String qualified = row[0];
      String name = qualified.substring(qualified.lastIndexOf('.') + 1);
      if (filter.test(name)) {
        out.add(new String[] {catalog, schema, name});
      }
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

  private static Table parse(
      String catalog,
      String schema,
      String name,
      boolean temporary,
      String information,
      boolean withColumns) {
    String type =
        temporary
            ? (schema == null || schema.isEmpty() ? "LOCAL TEMPORARY" : "GLOBAL TEMPORARY")
            : "TABLE";
    List<Column> columns = new ArrayList<>();
    String remarks = "";
    for (String line : information.split("\n")) {
      Matcher comment = COMMENT_LINE.matcher(line);
      if (comment.matches()) {
        remarks = comment.group(1);
        continue;
      }
      Matcher t = TYPE_LINE.matcher(line);
      if (t.matches() && !temporary) {
        type = t.group(1).trim().equalsIgnoreCase("VIEW") ? "VIEW" : "TABLE";
        continue;
      }
      if (!withColumns) {
        continue;
      }
      Matcher c = TOP_LEVEL_COLUMN.matcher(line);
      if (c.matches()) {
        columns.add(
            new Column(
                c.group(1),
                SparkTypeNames.parse(c.group(2)),
                Boolean.parseBoolean(c.group(3)),
                "",
                null));
      }
    }
    boolean local = temporary && (schema == null || schema.isEmpty());
    return new Table(local ? null : catalog, local ? null : schema, name, type, remarks, columns);
  }

  private List<String[]> query(String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement s = connection.internalStatement();
        ResultSet rs = s.executeQuery(sql)) {
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

  public static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
