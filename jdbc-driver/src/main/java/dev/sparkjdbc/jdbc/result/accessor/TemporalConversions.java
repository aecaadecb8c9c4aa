package dev.sparkjdbc.jdbc.result.accessor;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * Builds {@code java.sql} date/time values from wall-clock values. Without a {@code Calendar} the
 * JVM's default zone applies (what {@code Date.valueOf} and friends do); with one, the calendar's
 * zone, as the JDBC getters that take a {@code Calendar} specify.
 */
final class TemporalConversions {
  private TemporalConversions() {}

  static Date date(LocalDate date, Calendar calendar) {
    if (calendar == null) {
      return Date.valueOf(date);
    }
    return new Date(date.atStartOfDay(zone(calendar)).toInstant().toEpochMilli());
  }

  static Time time(LocalTime time, Calendar calendar) {
    if (calendar == null) {
      Time t = Time.valueOf(time);
      t.setTime(t.getTime() + time.getNano() / 1_000_000);
      return t;
    }
    long millis = time.atDate(LocalDate.EPOCH).atZone(zone(calendar)).toInstant().toEpochMilli();
    return new Time(millis);
  }

  static Timestamp timestamp(LocalDateTime dateTime, Calendar calendar) {
    if (calendar == null) {
      return Timestamp.valueOf(dateTime);
    }
    Timestamp ts = Timestamp.from(dateTime.atZone(zone(calendar)).toInstant());
    ts.setNanos(dateTime.getNano());
    return ts;
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar.getTimeZone().toZoneId();
  }
}
