package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * getDate without a Calendar is Date.valueOf of the day, in the JVM's zone, for every row: the
 * driver computes each day's millis once per result and column, and must never hand out a value
 * from another day or another zone. Days far apart share cache slots; zones with daylight saving
 * changes at midnight and days before the Gregorian reform are included.
 */
@ExtendWith(SparkConnectServerExtension.class)
class DateGetterTest {
  /** 300,000 rows over 250,000 distinct days from 1500 to 2184, in many batches. */
  private static final String DATES =
      "SELECT date_add(DATE '1500-01-01', "
          + "CAST(id * 7919 % 250000 AS INT)) AS d FROM range(0, 300000, 1, 6)";

  @Test
  void everyDateIsDateValueOfItsDayInTheJvmZone(SparkConnectServer server) throws Exception {
    TimeZone previous = TimeZone.getDefault();
    try (Connection c = DriverManager.getConnection(server.url())) {
      for (String zone : List.of("America/Sao_Paulo", "Asia/Kolkata", "UTC")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        long rows = 0;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(DATES)) {
          while (rs.next()) {
            LocalDate day = rs.getObject(1, LocalDate.class);
            Date expected = Date.valueOf(day);
            Date first = rs.getDate(1);
            Date again = rs.getDate(1);
            if (first.getTime() != expected.getTime()
                || again.getTime() != expected.getTime()
                || !(rs.getObject(1) instanceof Date d && d.getTime() == expected.getTime())) {
              throw new AssertionError(
                  "in "
                      + zone
                      + ", "
                      + day
                      + ": getDate gave "
                      + first.getTime()
                      + " and "
                      + again.getTime()
                      + ", Date.valueOf gives "
                      + expected.getTime());
            }
            first.setTime(0); // a Date handed out is the caller's own
            assertThat(rs.getDate(1).getTime()).isEqualTo(expected.getTime());
            rows++;
          }
        }
        assertThat(rows).as("rows in %s", zone).isEqualTo(300_000);
      }
    } finally {
      TimeZone.setDefault(previous);
    }
  }
}
