package dev.sparkjdbc.tck.harness.child;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Child-JVM client of the standalone driver jar: what a plain application does with nothing but the
 * jar on its classpath. It never names a driver class: the driver must come from {@code
 * ServiceLoader} through {@link DriverManager}. Prints {@code key=value} lines; the parent test
 * decides what is right.
 *
 * <p>Usage: {@code StandaloneClient <jdbc-url>}
 */
public final class StandaloneClient {
  /** Temporary view the metadata call lists; it lives only in this client's session. */
  static final String VIEW = "standalone_probe_view";

  private StandaloneClient() {}

  public static void main(String[] args) throws Exception {
    run(args[0]);
  }

  static void run(String url) throws SQLException {
    System.out.println(
        "drivers="
            + DriverManager.drivers()
                .map(d -> d.getClass().getName())
                .sorted()
                .collect(Collectors.joining(",")));
    Driver driver = DriverManager.getDriver(url);
    System.out.println("driverForUrl=" + driver.getClass().getName());
    System.out.println(
        "driverManifestVersion=" + driver.getClass().getPackage().getImplementationVersion());
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      DatabaseMetaData meta = connection.getMetaData();
      System.out.println("driverName=" + meta.getDriverName());
      System.out.println("driverVersion=" + meta.getDriverVersion());
      statement.execute("SET spark.sql.session.timeZone=UTC");
      typedQuery(statement);
      translated(statement);
      metadata(statement, meta);
      prepared(connection);
    }
    System.out.println("done=true");
  }

  /** Several types over three rows: BIGINT, DECIMAL, TIMESTAMP, STRING, ARRAY. */
  private static void typedQuery(Statement statement) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT id, CAST(id * 2.5 - 1 AS DECIMAL(10,3)) AS dec, TIMESTAMP '2024-02-29"
                + " 13:45:30.123456' + make_interval(0, 0, 0, CAST(id AS INT)) AS ts,"
                + " concat('row-', id, '-\u00fc') AS s, array(id, id * 10, NULL) AS arr FROM"
                + " range(3) ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(
            md.getColumnLabel(i) + ":" + md.getColumnType(i) + ":" + md.getColumnTypeName(i));
      }
      System.out.println("columns=" + String.join(",", columns));
      while (rs.next()) {
        long id = rs.getLong(1);
        BigDecimal dec = rs.getBigDecimal(2);
        Instant ts = rs.getObject(3, Instant.class);
        String s = rs.getString(4);
        Array arr = rs.getArray(5);
        System.out.println(
            "row="
                + id
                + "|"
                + dec.toPlainString()
                + "|"
                + ts
                + "|"
                + escape(s)
                + "|"
                + Arrays.toString((Object[]) arr.getArray())
                + "|"
                + rs.getString(3));
      }
    }
  }

  /**
   * SQL that Spark's own parser rejects (a JDBC escape, FETCH FIRST): it runs only if Calcite,
   * relocated inside the jar, parsed it and the driver translated it into a plan.
   */
  private static void translated(Statement statement) throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT {fn UCASE('abc')} AS u, x FROM (VALUES (1), (2), (3)) AS t(x) ORDER BY x OFFSET"
                + " 1 ROWS FETCH FIRST 1 ROWS ONLY")) {
      while (rs.next()) {
        System.out.println("translatedRow=" + rs.getString(1) + "|" + rs.getInt(2));
      }
    }
    System.out.println(
        "translated="
            + statement.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated());
  }

  /** A metadata call on a view of this session: its columns and their JDBC types. */
  private static void metadata(Statement statement, DatabaseMetaData meta) throws SQLException {
    statement.execute(
        "CREATE OR REPLACE TEMPORARY VIEW "
            + VIEW
            + " AS SELECT 1 AS x, 'a' AS y, CAST(2.5 AS DECIMAL(4,2)) AS z");
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, null, VIEW, "%")) {
      while (rs.next()) {
        columns.add(
            rs.getString("COLUMN_NAME")
                + ":"
                + rs.getInt("DATA_TYPE")
                + ":"
                + rs.getString("TYPE_NAME"));
      }
    }
    System.out.println("viewColumns=" + String.join(",", columns));
  }

  private static void prepared(Connection connection) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT ? + 1 AS n, upper(?) AS u, ? * 2 AS d")) {
      ps.setInt(1, 41);
      ps.setString(2, "abc");
      ps.setBigDecimal(3, new BigDecimal("1.25"));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          System.out.println(
              "prepared="
                  + rs.getInt(1)
                  + "|"
                  + rs.getString(2)
                  + "|"
                  + rs.getBigDecimal(3).toPlainString());
        }
      }
    }
  }

  /** Non-ASCII as \\uXXXX, so the output does not depend on the child's stdout encoding. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(
            c -> {
              if (c < 0x80) {
                out.append((char) c);
              } else {
                out.append(String.format("\\u%04x", c));
              }
            });
    return out.toString();
  }
}
