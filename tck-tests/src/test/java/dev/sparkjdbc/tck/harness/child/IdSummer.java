package dev.sparkjdbc.tck.harness.child;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Child-JVM client: streams a one-column BIGINT result through plain JDBC, reading every value, and
 * prints as {@code key=value} lines the row count, the sum, how many values were NULL or out of
 * order (each expected to be the previous + 1), the elapsed time and the peak heap and resident
 * memory of this JVM.
 *
 * <p>Usage: {@code IdSummer <jdbc-url> <sql>}
 */
public final class IdSummer {
  private IdSummer() {}

  public static void main(String[] args) throws Exception {
    long count = 0;
    long sum = 0;
    long nulls = 0;
    long outOfOrder = 0;
    long previous = -1;
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(args[1])) {
      while (rows.next()) {
        long id = rows.getLong(1);
        if (rows.wasNull()) {
          nulls++;
        }
        if (id != previous + 1) {
          outOfOrder++;
        }
        previous = id;
        count++;
        sum += id;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("count=" + count);
    System.out.println("sum=" + sum);
    System.out.println("nulls=" + nulls);
    System.out.println("outOfOrder=" + outOfOrder);
    System.out.println("millis=" + millis);
    System.out.println("peakHeapBytes=" + peakHeapBytes());
    System.out.println("peakRss=" + PeakRss.describe());
  }

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
