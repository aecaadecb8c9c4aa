package dev.sparkjdbc.jdbc.result.accessor;

import java.math.BigDecimal;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.holders.NullableIntervalMonthDayNanoHolder;

/**
 * Spark's legacy INTERVAL (months, days, microseconds). Java has no such class, so getObject
 * returns Spark's own text for it, e.g. {@code 1 years 2 months 3 days 4 hours}.
 */
abstract class CalendarIntervalAccessor extends ColumnAccessor {
  private static final long MICROS_PER_MINUTE = 60_000_000L;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

  CalendarIntervalAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  @Override
  public abstract String getString(int row);

  @Override
  public Object getObject(int row) {
    return getString(row);
  }

  /** Spark's text for an interval of months, days and nanoseconds. */
  static String text(NullableIntervalMonthDayNanoHolder h) {
    long micros = h.nanoseconds / 1_000L;
    if (h.months == 0 && h.days == 0 && micros == 0) {
      return "0 seconds";
    }
    StringBuilder s = new StringBuilder();
    if (h.months != 0) {
      unit(s, h.months / 12, "years");
      unit(s, h.months % 12, "months");
    }
    unit(s, h.days, "days");
    if (micros != 0) {
      unit(s, micros / MICROS_PER_HOUR, "hours");
      micros %= MICROS_PER_HOUR;
      unit(s, micros / MICROS_PER_MINUTE, "minutes");
      micros %= MICROS_PER_MINUTE;
      if (micros != 0) {
        s.append(BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString())
            .append(" seconds ");
      }
    }
    return s.substring(0, s.length() - 1);
  }

  private static void unit(StringBuilder s, long value, String unit) {
    if (value != 0) {
      s.append(value).append(' ').append(unit).append(' ');
    }
  }

  @Override
  String typeName() {
    return "INTERVAL";
  }

  static final class OfVector extends CalendarIntervalAccessor {
    private final IntervalMonthDayNanoVector vector;

    OfVector(IntervalMonthDayNanoVector vector) {
      super(vector, null);
      this.vector = vector;
    }

    @Override
    public String getString(int row) {
      NullableIntervalMonthDayNanoHolder h = new NullableIntervalMonthDayNanoHolder();
      vector.get(row, h);
      return text(h);
    }
  }

  /** The values are what getObject gives: Spark's text. */
  static final class OfValues extends CalendarIntervalAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    public String getString(int row) {
      return (String) value(row);
    }
  }
}
