package dev.sparkjdbc.jdbc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Calendar;
import org.apache.arrow.vector.DateDayVector;

final class DateAccessor extends ColumnAccessor {
  private final DateDayVector vector;

  DateAccessor(DateDayVector vector) {
    super(vector);
    this.vector = vector;
  }

  private LocalDate localDate(int row) {
    return LocalDate.ofEpochDay(vector.get(row));
  }

  @Override
  Object getObject(int row) {
    return Date.valueOf(localDate(row));
  }

  @Override
  Object getObject(int row, Class<?> type) throws java.sql.SQLException {
    return type == LocalDate.class ? localDate(row) : super.getObject(row, type);
  }

  @Override
  String getString(int row) {
    return localDate(row).toString();
  }

  @Override
  Date getDate(int row, Calendar calendar) {
    return TemporalConversions.date(localDate(row), calendar);
  }

  @Override
  Timestamp getTimestamp(int row, Calendar calendar) {
    return TemporalConversions.timestamp(localDate(row).atStartOfDay(), calendar);
  }

  @Override
  String typeName() {
    return "DATE";
  }
}
