package dev.sparkjdbc.jdbc.result.accessor;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.ValueVector;

/** DATE: a day, without a time or a zone. */
abstract class DateAccessor extends ColumnAccessor {
  DateAccessor(ValueVector vector, ValueColumn values) {
    super(vector, values);
  }

  /** Days since 1970-01-01. */
  abstract int epochDay(int row);

  LocalDate localDate(int row) {
    return LocalDate.ofEpochDay(epochDay(row));
  }

  @Override
  public Object getObject(int row) {
    return getDate(row, null);
  }

  @Override
  public Object getObject(int row, Class<?> type) throws SQLException {
    return type == LocalDate.class ? localDate(row) : super.getObject(row, type);
  }

  @Override
  public String getString(int row) {
    return localDate(row).toString();
  }

  @Override
  public Date getDate(int row, Calendar calendar) {
    return TemporalConversions.date(localDate(row), calendar);
  }

  @Override
  public Timestamp getTimestamp(int row, Calendar calendar) {
    return TemporalConversions.timestamp(localDate(row).atStartOfDay(), calendar);
  }

  @Override
  String typeName() {
    return "DATE";
  }

  static final class OfVector extends DateAccessor {
    /** Direct-mapped cache of DATE → millis, by day; a power of two. */
    private static final int CACHED_DAYS = 4096;

    /** No day Spark can hold: marks an empty slot. */
    private static final int NO_DAY = Integer.MIN_VALUE;

    private final DateDayVector vector;

    /** Allocated on the first getDate, so that a column never read as a Date costs nothing. */
    private int[] cachedDays;

    private long[] cachedMillis;
    private String cachedZone;
    private boolean caching;

    OfVector(DateDayVector vector) {
      super(vector, null);
      this.vector = vector;
    }

    /** Unchecked where {@code batchLoaded} allowed it. */
    @Override
    int epochDay(int row) {
      long address = dataAddress;
      return address != 0
          ? MemoryUtil.getInt(address + (long) row * Integer.BYTES)
          : vector.get(row);
    }

    @Override
    public Date getDate(int row, Calendar calendar) {
      if (calendar != null || !caching) {
        return super.getDate(row, calendar);
      }
      // Date.valueOf's millis, computed once per day: its calendar normalisation in the JVM's
      // zone costs more than everything else a row of dates needs.
      if (cachedDays == null) {
        cachedDays = new int[CACHED_DAYS];
        Arrays.fill(cachedDays, NO_DAY);
        cachedMillis = new long[CACHED_DAYS];
      }
      int day = epochDay(row);
      int slot = day & (CACHED_DAYS - 1);
      if (cachedDays[slot] != day) {
        cachedDays[slot] = day;
        cachedMillis[slot] = Date.valueOf(LocalDate.ofEpochDay(day)).getTime();
      }
      return new Date(cachedMillis[slot]); // a new one every time: Dates are mutable
    }

    /**
     * Checked once per batch: the cached millis hold for the JVM's zone they were computed in.
     * Nested accessors (dates in arrays, maps, structs) are never told, and never cache.
     */
    @Override
    public void batchLoaded() {
      super.batchLoaded();
      String zone = TimeZone.getDefault().getID();
      if (!zone.equals(cachedZone)) {
        cachedZone = zone;
        if (cachedDays != null) {
          Arrays.fill(cachedDays, NO_DAY);
        }
      }
      caching = true;
    }
  }

  /** The values are what getObject gives: {@code java.sql.Date}s of the JVM's zone. */
  static final class OfValues extends DateAccessor {

    OfValues(ValueColumn values) {
      super(null, values);
    }

    @Override
    int epochDay(int row) {
      Object v = value(row);
      LocalDate date = v instanceof Date d ? d.toLocalDate() : (LocalDate) v;
      return Math.toIntExact(date.toEpochDay());
    }
  }
}
