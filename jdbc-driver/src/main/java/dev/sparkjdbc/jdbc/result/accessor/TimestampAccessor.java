package dev.sparkjdbc.jdbc.result.accessor;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * TIMESTAMP and TIMESTAMP_NTZ. Spark's TIMESTAMP is an instant: Arrow carries the session time zone
 * with it, and strings show the instant in that zone. TIMESTAMP_NTZ is a wall-clock value (no zone
 * in Arrow) that never shifts, whatever the JVM's or the session's zone.
 */
abstract class TimestampAccessor extends ColumnAccessor {
  /** Spark's own rendering: seconds always, then only the fraction digits that are not zero. */
  private static final DateTimeFormatter SPARK_FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();

  private final boolean ntz;

  TimestampAccessor(ValueVector vector, ValueColumn values, boolean ntz) {
    super(vector, values);
    this.ntz = ntz;
  }

  /** The instant of a TIMESTAMP; the wall clock of a TIMESTAMP_NTZ, read as UTC. */
  abstract Instant instant(int row);

  /** The session zone of a TIMESTAMP; never asked for a TIMESTAMP_NTZ. */
  abstract ZoneId zone();

  /** The wall-clock value: in the session zone for TIMESTAMP, as stored for TIMESTAMP_NTZ. */
  LocalDateTime wallClock(int row) {
    return LocalDateTime.ofInstant(instant(row), ntz ? ZoneOffset.UTC : zone());
  }

  @Override
  public Object getObject(int row) {
    return getTimestamp(row, null);
  }

  @Override
  public String getString(int row) {
    return SPARK_FORMAT.format(wallClock(row));
  }

  /** An instant needs no calendar to be placed in time; a wall clock is read in the calendar's. */
  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    return ntz
        ? TemporalConversions.timestamp(wallClock(row), calendar)
        : Timestamp.from(instant(row));
  }

  /**
   * java.time answers without the JVM's zone: a TIMESTAMP's {@code LocalDateTime} is its wall clock
   * in the session zone (what getString shows), its {@code OffsetDateTime} carries the session
   * zone's offset; a TIMESTAMP_NTZ is a {@code LocalDateTime} as stored.
   */
  @Override
  public Object getObject(int row, Class<?> type) throws SQLException {
    if (type == LocalDateTime.class) {
      return wallClock(row);
    }
    if (type == Instant.class && !ntz) {
      return instant(row);
    }
    if (type == OffsetDateTime.class && !ntz) {
      return instant(row).atZone(zone()).toOffsetDateTime();
    }
    if (type == LocalDate.class) {
      return wallClock(row).toLocalDate();
    }
    if (type == LocalTime.class) {
      return wallClock(row).toLocalTime();
    }
    return super.getObject(row, type);
  }

  @Override
  public Date getDate(int row, Calendar calendar) {
    return TemporalConversions.date(wallClock(row).toLocalDate(), calendar);
  }

  @Override
  public Time getTime(int row, Calendar calendar) {
    return TemporalConversions.time(wallClock(row).toLocalTime(), calendar);
  }

  @Override
  String typeName() {
    return ntz ? "TIMESTAMP_NTZ" : "TIMESTAMP";
  }

  static final class OfVector extends TimestampAccessor {
    private final TimeStampVector vector;
    private final TimeUnit unit;

    /** The session zone for TIMESTAMP, null for TIMESTAMP_NTZ. */
    private final ZoneId zone;

    OfVector(TimeStampVector vector) {
      super(vector, null, timezone(vector) == null);
      this.vector = vector;
      ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
      this.unit =
          switch (type.getUnit()) {
            case SECOND -> TimeUnit.SECONDS;
            case MILLISECOND -> TimeUnit.MILLISECONDS;
            case MICROSECOND -> TimeUnit.MICROSECONDS;
            case NANOSECOND -> TimeUnit.NANOSECONDS;
          };
      this.zone = timezone(vector) == null ? null : ZoneId.of(timezone(vector));
    }

    private static String timezone(TimeStampVector vector) {
      return ((ArrowType.Timestamp) vector.getField().getType()).getTimezone();
    }

    /** The stored count of units since the epoch: unchecked where {@code batchLoaded} allowed. */
    private long stored(int row) {
      long address = dataAddress;
      return address != 0 ? MemoryUtil.getLong(address + (long) row * Long.BYTES) : vector.get(row);
    }

    private long epochSecond(long value) {
      return Math.floorDiv(value, unit.convert(1, TimeUnit.SECONDS));
    }

    private int nanoOfSecond(long value) {
      return (int) unit.toNanos(Math.floorMod(value, unit.convert(1, TimeUnit.SECONDS)));
    }

    @Override
    Instant instant(int row) {
      long value = stored(row);
      return Instant.ofEpochSecond(epochSecond(value), nanoOfSecond(value));
    }

    @Override
    ZoneId zone() {
      return zone;
    }

    /** As {@code Timestamp.from(instant(row))}, without the Instant: the hot path. */
    @Override
    public Timestamp getTimestamp(int row, Calendar calendar) {
      if (zone == null) {
        return super.getTimestamp(row, calendar);
      }
      long value = stored(row);
      Timestamp timestamp = new Timestamp(epochSecond(value) * 1000);
      timestamp.setNanos(nanoOfSecond(value));
      return timestamp;
    }
  }

  /**
   * The values are what getObject gives: {@code java.sql.Timestamp}s of the instant (TIMESTAMP) or
   * of the wall clock in the JVM's zone (TIMESTAMP_NTZ).
   */
  static final class OfValues extends TimestampAccessor {
    private final boolean ntz;
    private final Supplier<ZoneId> sessionZone;

    OfValues(ValueColumn values, boolean ntz, Supplier<ZoneId> sessionZone) {
      super(null, values, ntz);
      this.ntz = ntz;
      this.sessionZone = sessionZone;
    }

    @Override
    Instant instant(int row) {
      Timestamp t = (Timestamp) value(row);
      return ntz ? t.toLocalDateTime().toInstant(ZoneOffset.UTC) : t.toInstant();
    }

    @Override
    ZoneId zone() {
      return sessionZone.get();
    }
  }
}
