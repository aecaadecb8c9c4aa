package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.ValueVector;

/** INTERVAL DAY/HOUR/MINUTE/SECOND [TO …]: microseconds, as {@link Duration}. */
abstract class DayTimeIntervalAccessor extends ColumnAccessor {
  private static final long SECOND = 1_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private final int start;
  private final int end;

  DayTimeIntervalAccessor(ValueVector vector, ValueColumn values, DataType.DayTimeInterval type) {
    super(vector, values);
    this.start = type.hasStartField() ? type.getStartField() : 0;
    this.end = type.hasEndField() ? type.getEndField() : 3;
  }

  abstract long micros(int row);

  @Override
  public Object getObject(int row) {
    return Duration.ofSeconds(0, micros(row) * 1_000L);
  }

  @Override
  public long getLong(int row) {
    return micros(row);
  }

  /** Spark's ANSI rendering, e.g. {@code INTERVAL '1 02:03:04.5' DAY TO SECOND}. */
  @Override
  public String getString(int row) {
    long micros = micros(row);
    String sign = micros < 0 ? "-" : "";
    long rest = Math.abs(micros);
    StringBuilder s = new StringBuilder(sign);
    switch (start) {
      case 0 -> {
        s.append(rest / DAY);
        rest %= DAY;
        if (end >= 1) {
          s.append(' ').append(two(rest / HOUR));
          rest %= HOUR;
          appendMinutesAndSeconds(s, rest, 2);
        }
      }
      case 1 -> {
        s.append(two(rest / HOUR));
        rest %= HOUR;
        appendMinutesAndSeconds(s, rest, 2);
      }
      case 2 -> {
        s.append(two(rest / MINUTE));
        rest %= MINUTE;
        if (end >= 3) {
          s.append(':').append(seconds(rest));
        }
      }
      default -> s.append(seconds(rest));
    }
    String[] f = SparkTypeNames.DAY_TIME_FIELDS;
    return "INTERVAL '" + s + "' " + (start == end ? f[start] : f[start] + " TO " + f[end]);
  }

  private void appendMinutesAndSeconds(StringBuilder s, long rest, int minuteField) {
    if (end >= minuteField) {
      s.append(':').append(two(rest / MINUTE));
      if (end >= 3) {
        s.append(':').append(seconds(rest % MINUTE));
      }
    }
  }

  private static String two(long v) {
    return v < 10 ? "0" + v : Long.toString(v);
  }

  private static String seconds(long micros) {
    String text = BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    return micros < 10 * SECOND ? "0" + text : text;
  }

  @Override
  String typeName() {
    return "INTERVAL";
  }

  static final class OfVector extends DayTimeIntervalAccessor {
    private final DurationVector vector;

    OfVector(DurationVector vector, DataType.DayTimeInterval type) {
      super(vector, null, type);
      this.vector = vector;
    }

    @Override
    long micros(int row) {
      return DurationVector.get(vector.getDataBuffer(), row);
    }
  }

  /** The values are what getObject gives: {@link Duration}s. */
  static final class OfValues extends DayTimeIntervalAccessor {

    OfValues(ValueColumn values, DataType.DayTimeInterval type) {
      super(null, values, type);
    }

    @Override
    long micros(int row) {
      Duration d = (Duration) value(row);
      return Math.addExact(Math.multiplyExact(d.getSeconds(), SECOND), d.getNano() / 1_000);
    }
  }
}
