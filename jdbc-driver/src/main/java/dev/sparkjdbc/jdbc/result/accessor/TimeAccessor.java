package dev.sparkjdbc.jdbc.result.accessor;

import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Calendar;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.ValueVector;

/** TIME(p): a time of day without a zone. */
abstract class TimeAccessor extends ColumnAccessor {
  TimeAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  abstract LocalTime localTime(int row);

  @Override
  public Object getObject(int row) {
    return getTime(row, null);
  }

  @Override
  public Object getObject(int row, Class<?> type) throws SQLException {
    return type == LocalTime.class ? localTime(row) : super.getObject(row, type);
  }

  /** As Spark prints TIME: seconds always, fraction digits only when not zero. */
  @Override
  public String getString(int row) {
    LocalTime t = localTime(row);
    String base = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    if (t.getNano() == 0) {
      return base;
    }
    String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
    return base + "." + fraction;
  }

  @Override
  public Time getTime(int row, Calendar calendar) {
    return TemporalConversions.time(localTime(row), calendar);
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    return TemporalConversions.timestamp(localTime(row).atDate(LocalDate.EPOCH), calendar);
  }

  @Override
  String typeName() {
    return "TIME";
  }

  static final class OfVector extends TimeAccessor {
    private final FieldVector vector;

    OfVector(FieldVector vector) {
      super(vector, null);
      this.vector = vector;
    }

    @Override
    LocalTime localTime(int row) {
      long nanos =
          vector instanceof TimeNanoVector n
              ? n.get(row)
              : ((TimeMicroVector) vector).get(row) * 1_000L;
      return LocalTime.ofNanoOfDay(nanos);
    }
  }

  /** The values are what getObject gives: {@code java.sql.Time}s. */
  static final class OfValues extends TimeAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    LocalTime localTime(int row) {
      Object v = value(row);
      if (v instanceof Time t) {
        // toLocalTime drops the milliseconds that getTime keeps
        return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
      }
      return (LocalTime) v;
    }
  }
}
