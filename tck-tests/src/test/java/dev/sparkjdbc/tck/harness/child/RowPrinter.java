package dev.sparkjdbc.tck.harness.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM client: runs one query through plain JDBC and prints the column labels, then every row,
 * each as one tab-separated line of {@code getString} values.
 *
 * <p>Usage: {@code RowPrinter <jdbc-url> <sql>}
 */
public final class RowPrinter {
  private RowPrinter() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(args[1])) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> cells = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        cells.add(meta.getColumnLabel(i));
      }
      System.out.println(String.join("\t", cells));
      while (rows.next()) {
        cells.clear();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          cells.add(rows.getString(i));
        }
        System.out.println(String.join("\t", cells));
      }
    }
  }
}
