package dev.sparkjdbc.tck.harness.child;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child-JVM client: streams {@code SELECT id, twice, s} through plain JDBC and prints, as {@code
 * key=value} lines, the row count, the sum of ids, rows whose columns disagree with their id, the
 * elapsed time and the peak heap and resident memory of this JVM.
 *
 * <p>Usage: {@code StreamCounter <jdbc-url> <sql>}
 */
public final class StreamCounter {
  private StreamCounter() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String sql = args[1];
    long count = 0;
    long sum = 0;
    long mismatches = 0;
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        long id = rows.getLong(1);
        if (rows.getLong(2) != 2 * id || !Long.toString(id).equals(rows.getString(3))) {
          mismatches++;
        }
        count++;
        sum += id;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("count=" + count);
    System.out.println("sum=" + sum);
    System.out.println("mismatches=" + mismatches);
    System.out.println("millis=" + millis);
    System.out.println("peakHeapBytes=" + peakHeapBytes());
    System.out.println("peakRss=" + PeakRss.describe());
  }

  /** Sum of the heap pools' peak usage since this JVM started. */
  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
