package dev.sparkjdbc.jdbc.result.accessor;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import java.math.BigDecimal;
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
import java.util.Map;

/**
 * {@code getObject(column, Class)}: each target class maps to the accessor conversion that produces
 * it, so every conversion rule stays in the accessors. Accessors whose type has a more exact answer
 * for a class (a TIMESTAMP as {@code LocalDateTime} in the session zone) override {@link
 * ColumnAccessor#getObject(int, Class)} for it.
 */
final class ObjectConversions {
  private interface Getter {
    Object get(ColumnAccessor a, int row) throws SQLException;
  }

  private static final Map<Class<?>, Getter> GETTERS =
      Map.ofEntries(
          Map.entry(Object.class, ColumnAccessor::getObject),
          Map.entry(String.class, ColumnAccessor::getString),
          Map.entry(Boolean.class, ColumnAccessor::getBoolean),
          Map.entry(Byte.class, ColumnAccessor::getByte),
          Map.entry(Short.class, ColumnAccessor::getShort),
          Map.entry(Integer.class, ColumnAccessor::getInt),
          Map.entry(Long.class, ColumnAccessor::getLong),
          Map.entry(Float.class, ColumnAccessor::getFloat),
          Map.entry(Double.class, ColumnAccessor::getDouble),
          Map.entry(BigDecimal.class, ColumnAccessor::getBigDecimal),
          Map.entry(byte[].class, ColumnAccessor::getBytes),
          Map.entry(Date.class, (a, r) -> a.getDate(r, null)),
          Map.entry(Time.class, (a, r) -> a.getTime(r, null)),
          Map.entry(Timestamp.class, (a, r) -> a.getTimestamp(r, null)),
          Map.entry(LocalDate.class, (a, r) -> a.getDate(r, null).toLocalDate()),
          Map.entry(LocalTime.class, (a, r) -> a.getTime(r, null).toLocalTime()),
          Map.entry(LocalDateTime.class, (a, r) -> a.getTimestamp(r, null).toLocalDateTime()),
          Map.entry(Instant.class, (a, r) -> a.getTimestamp(r, null).toInstant()),
          Map.entry(
              OffsetDateTime.class,
              (a, r) ->
                  a.getTimestamp(r, null)
                      .toInstant()
                      .atZone(ZoneId.systemDefault())
                      .toOffsetDateTime()));

  private ObjectConversions() {}

  static Object convert(ColumnAccessor accessor, int row, Class<?> type) throws SQLException {
    Getter getter = GETTERS.get(type);
    if (getter != null) {
      return getter.get(accessor, row);
    }
    Object value = accessor.getObject(row);
    if (type.isInstance(value)) {
      return value;
    }
    throw SqlErrors.cannotConvert(accessor.typeName(), type.getName());
  }
}
