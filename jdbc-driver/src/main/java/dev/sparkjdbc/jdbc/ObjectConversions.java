package dev.sparkjdbc.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * {@code getObject(column, Class)}: each supported target class maps to the typed getter that
 * produces it, so every conversion rule stays in the column accessors.
 */
final class ObjectConversions {
  private interface Getter {
    Object get(ResultSet rs, int column) throws SQLException;
  }

  private static final Map<Class<?>, Getter> GETTERS = Map.ofEntries(
      Map.entry(Object.class, ResultSet::getObject),
      Map.entry(String.class, ResultSet::getString),
      Map.entry(Boolean.class, ResultSet::getBoolean),
      Map.entry(Byte.class, ResultSet::getByte),
      Map.entry(Short.class, ResultSet::getShort),
      Map.entry(Integer.class, ResultSet::getInt),
      Map.entry(Long.class, ResultSet::getLong),
      Map.entry(Float.class, ResultSet::getFloat),
      Map.entry(Double.class, ResultSet::getDouble),
      Map.entry(BigDecimal.class, ResultSet::getBigDecimal),
      Map.entry(byte[].class, ResultSet::getBytes),
      Map.entry(java.sql.Date.class, ResultSet::getDate),
      Map.entry(java.sql.Time.class, ResultSet::getTime),
      Map.entry(Timestamp.class, ResultSet::getTimestamp),
      Map.entry(LocalDate.class, (rs, i) -> rs.getDate(i).toLocalDate()),
      Map.entry(LocalTime.class, (rs, i) -> rs.getTime(i).toLocalTime()),
      Map.entry(LocalDateTime.class, (rs, i) -> rs.getTimestamp(i).toLocalDateTime()),
      Map.entry(Instant.class, (rs, i) -> rs.getTimestamp(i).toInstant()),
      Map.entry(OffsetDateTime.class,
          (rs, i) -> rs.getTimestamp(i).toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime()));

  private ObjectConversions() {}

  /** Called only for a non-null value. */
  static Object convert(ResultSet rs, int column, Class<?> type) throws SQLException {
    Getter getter = GETTERS.get(type);
    if (getter == null) {
      throw SqlErrors.cannotConvert(rs.getMetaData().getColumnTypeName(column), type.getName());
    }
    return getter.get(rs, column);
  }
}
