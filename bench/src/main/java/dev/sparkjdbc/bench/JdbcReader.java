package dev.sparkjdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Our driver as an application uses it: every column of every row read with the getter its JDBC
 * type calls for, folded into a checksum so that no read can be optimised away.
 */
final class JdbcReader implements AutoCloseable {
  private final Connection connection;
  private long checksum;

  JdbcReader(String url) throws SQLException {
    connection = DriverManager.getConnection(url);
  }

  long rows(String sql) throws SQLException {
    long rows = 0;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      int columns = meta.getColumnCount();
      int[] types = new int[columns + 1];
      for (int i = 1; i <= columns; i++) {
        types[i] = meta.getColumnType(i);
      }
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= columns; i++) {
          checksum += read(rs, i, types[i]);
        }
      }
    }
    return rows;
  }

  private static long read(ResultSet rs, int i, int type) throws SQLException {
    return switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getLong(i);
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> (long) rs.getDouble(i);
      case Types.BOOLEAN -> rs.getBoolean(i) ? 1 : 0;
      case Types.DECIMAL, Types.NUMERIC -> hash(rs.getBigDecimal(i));
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> hash(rs.getTimestamp(i));
      case Types.DATE -> hash(rs.getDate(i));
      default -> length(rs.getString(i));
    };
  }

  /** Strings count by length: their hashCode would cost the benchmark more than the read. */
  private static long length(String value) {
    return value == null ? 0 : value.length();
  }

  private static long hash(Object value) {
    return value == null ? 0 : value.hashCode();
  }

  Connection connection() {
    return connection;
  }

  /** Keeps the reads observable. */
  long checksum() {
    return checksum;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
