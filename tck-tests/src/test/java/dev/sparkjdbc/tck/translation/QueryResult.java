package dev.sparkjdbc.tck.translation;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a query returned through JDBC: column labels, JDBC types and type names, and every row
 * as {@code getObject} values (a {@code byte[]} wrapped in a ByteBuffer, to compare by content),
 * plus the wall time of execute-and-fetch.
 */
record QueryResult(
    List<String> labels,
    List<Integer> types,
    List<String> typeNames,
    List<List<Object>> rows,
    long millis) {

  /** Runs {@code sql} on {@code connection} and reads the whole result. */
  static QueryResult run(Connection connection, String sql) throws SQLException {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      return read(rs, start);
    }
  }

  /** Reads a whole result: labels, types and every value; millis counted from {@code start}. */
  static QueryResult read(ResultSet rs, long start) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String> labels = new ArrayList<>(n);
    List<Integer> types = new ArrayList<>(n);
    List<String> typeNames = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      labels.add(meta.getColumnLabel(i));
      types.add(meta.getColumnType(i));
      typeNames.add(meta.getColumnTypeName(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 1; i <= n; i++) {
        Object value = rs.getObject(i);
        // byte[] has identity equals; a ByteBuffer over it compares the bytes
        row[i - 1] = value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
      }
      rows.add(Arrays.asList(row));
    }
    return new QueryResult(
        List.copyOf(labels),
        List.copyOf(types),
        List.copyOf(typeNames),
        rows,
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Why {@code actual} differs from this (expected) result, or null when they are equal: same
   * labels, types and type names, and the same rows, in the same order when {@code ordered}, as a
   * multiset otherwise. Values are compared with {@code equals}, so a BigDecimal's scale counts, as
   * it does for a JDBC client.
   */
  String difference(QueryResult actual, boolean ordered) {
    if (!labels.equals(actual.labels)) {
      return "column labels differ: expected " + labels + " but got " + actual.labels;
    }
    if (!types.equals(actual.types)) {
      return "column JDBC types differ: expected " + types + " but got " + actual.types;
    }
    if (!typeNames.equals(actual.typeNames)) {
      return "column type names differ: expected " + typeNames + " but got " + actual.typeNames;
    }
    if (rows.size() != actual.rows.size()) {
      return "row counts differ: expected " + rows.size() + " but got " + actual.rows.size();
    }
    return ordered ? orderedDifference(actual) : multisetDifference(actual);
  }

  private String orderedDifference(QueryResult actual) {
    for (int r = 0; r < rows.size(); r++) {
      if (!Objects.equals(rows.get(r), actual.rows.get(r))) {
        return "row "
            + (r + 1)
            + " differs: expected "
            + describe(rows.get(r))
            + " but got "
            + describe(actual.rows.get(r));
      }
    }
    return null;
  }

  private String multisetDifference(QueryResult actual) {
    Map<List<Object>, Integer> remaining = new HashMap<>();
    for (List<Object> row : rows) {
      remaining.merge(row, 1, Integer::sum);
    }
    List<List<Object>> unexpected = new ArrayList<>();
    for (List<Object> row : actual.rows) {
      Integer left = remaining.get(row);
      if (left == null) {
        unexpected.add(row);
      } else if (left == 1) {
        remaining.remove(row);
      } else {
        remaining.put(row, left - 1);
      }
    }
    if (unexpected.isEmpty() && remaining.isEmpty()) {
      return null;
    }
    return "rows differ (as multisets): missing "
        + describeAll(new ArrayList<>(remaining.keySet()))
        + ", unexpected "
        + describeAll(unexpected);
  }

  private static String describeAll(List<List<Object>> rows) {
    StringBuilder text = new StringBuilder("[");
    int shown = Math.min(rows.size(), 5);
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(describe(rows.get(i)));
    }
    if (rows.size() > shown) {
      text.append(", … ").append(rows.size() - shown).append(" more");
    }
    return text.append(']').toString();
  }

  /** A row with each value's class, since 1 and 1.00 or a Date and a String print alike. */
  private static String describe(List<Object> row) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      text.append(i == 0 ? "" : ", ").append(value);
      if (value != null) {
        text.append(':').append(value.getClass().getSimpleName());
      }
    }
    return text.append(')').toString();
  }
}
