package dev.sparkjdbc.tck.harness.child;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Child-JVM client for time-zone tests: runs its statements in order on one connection and, for the
 * first row of every query, prints what the date/time getters return, as {@code
 * q<n>.c<column>.<getter>=<value>} lines (a getter that throws prints {@code ERR ...}). The parent
 * test decides what is right; this class only reports.
 *
 * <p>Usage: {@code TemporalProbe <jdbc-url> <sql>...}; statements starting with SET are executed.
 */
public final class TemporalProbe {
  private TemporalProbe() {}

  private interface Getter {
    Object get() throws SQLException;
  }

  public static void main(String[] args) throws Exception {
    System.out.println("jvmZone=" + ZoneId.systemDefault());
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement()) {
      int query = 0;
      for (int a = 1; a < args.length; a++) {
        String sql = args[a];
        if (sql.regionMatches(true, 0, "SET ", 0, 4)) {
          statement.execute(sql);
          continue;
        }
        query++;
        try (ResultSet rs = statement.executeQuery(sql)) {
          if (!rs.next()) {
            System.out.println("q" + query + ".rows=0");
            continue;
          }
          ResultSetMetaData meta = rs.getMetaData();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            int c = i;
            String key = "q" + query + ".c" + i + ".";
            print(key + "string", () -> rs.getString(c));
            switch (meta.getColumnType(i)) {
              case Types.TIMESTAMP -> {
                print(key + "instant", () -> rs.getTimestamp(c).toInstant());
                print(key + "nanos", () -> rs.getTimestamp(c).getNanos());
                print(key + "timestampLocal", () -> rs.getTimestamp(c).toLocalDateTime());
                print(key + "localDateTime", () -> rs.getObject(c, LocalDateTime.class));
                print(key + "offsetDateTime", () -> rs.getObject(c, OffsetDateTime.class));
                print(key + "objectInstant", () -> rs.getObject(c, Instant.class));
              }
              case Types.DATE -> {
                print(key + "localDate", () -> rs.getObject(c, LocalDate.class));
                print(key + "dateLocal", () -> rs.getDate(c).toLocalDate());
                print(key + "dateMillis", () -> rs.getDate(c).getTime());
              }
              default -> {}
            }
          }
        }
      }
    }
  }

  private static void print(String key, Getter getter) {
    String value;
    try {
      value = String.valueOf(getter.get());
    } catch (SQLException | RuntimeException e) {
      value = "ERR " + e;
    }
    System.out.println(key + "=" + value.replace('\n', ' '));
  }
}
