package dev.sparkjdbc.jdbc.result.accessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.proto.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Each accessor family's conversions against the JDBC specification (appendix B, table B-6) and
 * Spark's {@code CAST(x AS STRING)}. The rules live in the family, shared by both of its readers
 * (JavaValuesMatchArrowTest proves they answer alike); here they read Java values.
 */
class AccessorFamiliesTest {
  private static final ZoneId SESSION = ZoneId.of("Europe/Berlin");
  private static final ColumnContext CONTEXT =
      new ColumnContext(() -> SESSION, (labels, types, rows) -> null);

  private static DataType kind(DataType.Builder b) {
    return b.build();
  }

  private static final DataType INT =
      kind(DataType.newBuilder().setInteger(DataType.Integer.getDefaultInstance()));
  private static final DataType BIGINT =
      kind(DataType.newBuilder().setLong(DataType.Long.getDefaultInstance()));
  private static final DataType STRING =
      kind(DataType.newBuilder().setString(DataType.String.getDefaultInstance()));

  private static ColumnAccessor over(DataType type, Object... values) {
    return ColumnAccessors.forValues(ValueColumn.of(values), type, CONTEXT);
  }

  private static String sqlState(ThrowingGetter getter) {
    try {
      getter.get();
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("no SQLException");
  }

  private interface ThrowingGetter {
    Object get() throws SQLException;
  }

  @Test
  void integralNarrowsWithARangeCheckAndReadsAsTextAndBoolean() throws SQLException {
    ColumnAccessor a = over(BIGINT, 3_000_000_000L, 0L, -1L);
    assertThat(a.getObject(0)).isEqualTo(3_000_000_000L);
    assertThat(a.getString(0)).isEqualTo("3000000000");
    assertThat(sqlState(() -> a.getInt(0))).isEqualTo("22003");
    assertThat(a.getBoolean(1)).isFalse();
    assertThat(a.getBoolean(2)).isTrue();
    assertThat(a.getBigDecimal(2)).isEqualByComparingTo("-1");
    assertThat(sqlState(() -> a.getDate(0, null))).isEqualTo("22018");
    ColumnAccessor i = over(INT, 7);
    assertThat(i.getObject(0)).isInstanceOf(Integer.class).isEqualTo(7);
    assertThat(i.getByte(0)).isEqualTo((byte) 7);
  }

  @Test
  void floatingRefusesWhatALongCannotHold() throws SQLException {
    DataType dbl = kind(DataType.newBuilder().setDouble(DataType.Double.getDefaultInstance()));
    ColumnAccessor a = over(dbl, Double.NaN, 2.75, 1e300);
    assertThat(sqlState(() -> a.getLong(0))).isEqualTo("22003");
    assertThat(sqlState(() -> a.getBigDecimal(0))).isEqualTo("22003");
    assertThat(a.getLong(1)).as("truncated toward zero").isEqualTo(2);
    assertThat(a.getString(1)).isEqualTo("2.75");
    assertThat(sqlState(() -> a.getFloat(2))).isEqualTo("22003");
    DataType flt = kind(DataType.newBuilder().setFloat(DataType.Float.getDefaultInstance()));
    ColumnAccessor f = over(flt, 0.1f);
    assertThat(f.getObject(0)).isEqualTo(0.1f);
    assertThat(f.getBigDecimal(0)).as("the float's own digits").isEqualByComparingTo("0.1");
  }

  @Test
  void decimalIsExactAndTruncatesForIntegers() throws SQLException {
    DataType dec =
        kind(
            DataType.newBuilder()
                .setDecimal(DataType.Decimal.newBuilder().setPrecision(38).setScale(2)));
    ColumnAccessor a = over(dec, new BigDecimal("-12.99"), new BigDecimal("1E+30"));
    assertThat(a.getString(0)).isEqualTo("-12.99");
    assertThat(a.getInt(0)).isEqualTo(-12);
    assertThat(sqlState(() -> a.getLong(1))).isEqualTo("22003");
    assertThat(a.getString(1))
        .as("plain, as Spark prints decimals")
        .isEqualTo("1000000000000000000000000000000");
  }

  @Test
  void stringParsesForEveryGetterAndRefusesWithTheValue() throws SQLException {
    ColumnAccessor a = over(STRING, " yes ", "12.9", "2024-02-29", "x".repeat(80), "10:11:12");
    assertThat(a.getBoolean(0)).isTrue();
    assertThat(a.getLong(1)).isEqualTo(12);
    assertThat(a.getDouble(1)).isEqualTo(12.9);
    assertThat(a.getDate(2, null)).isEqualTo(Date.valueOf("2024-02-29"));
  }

  @Test
  void stringRefusalsAreDataExceptions() {
    ColumnAccessor a = over(STRING, "abc", "2024-13-45");
    assertThat(sqlState(() -> a.getBoolean(0))).isEqualTo("22018");
    assertThat(sqlState(() -> a.getInt(0))).isEqualTo("22018");
    assertThat(sqlState(() -> a.getDate(1, null))).isEqualTo("22018");
    assertThatThrownBy(() -> a.getBigDecimal(0)).hasMessageContaining("'abc'");
  }

  @Test
  void binaryIsAFreshCopyAndReadsAsUtf8() throws SQLException {
    byte[] stored = "ü".getBytes(StandardCharsets.UTF_8);
    ColumnAccessor a =
        over(kind(DataType.newBuilder().setBinary(DataType.Binary.getDefaultInstance())), stored);
    byte[] first = a.getBytes(0);
    first[0] = 0;
    assertThat(a.getBytes(0)).isEqualTo(stored);
    assertThat(a.getString(0)).isEqualTo("ü");
    assertThat(sqlState(() -> a.getInt(0))).isEqualTo("22018");
  }

  @Test
  void dateReadsInTheCalendarsZone() throws SQLException {
    DataType date = kind(DataType.newBuilder().setDate(DataType.Date.getDefaultInstance()));
    ColumnAccessor a = over(date, Date.valueOf("2024-02-29"));
    assertThat(a.getString(0)).isEqualTo("2024-02-29");
    assertThat(a.getObject(0, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    assertThat(a.getDate(0, tokyo).getTime())
        .as("midnight in Tokyo")
        .isEqualTo(
            LocalDate.of(2024, 2, 29).atStartOfDay(ZoneId.of("Asia/Tokyo")).toEpochSecond() * 1000);
    assertThat(a.getTimestamp(0, null)).isEqualTo(Timestamp.valueOf("2024-02-29 00:00:00"));
    assertThat(sqlState(() -> a.getTime(0, null))).isEqualTo("22018");
  }

  @Test
  void timestampShowsTheInstantInTheSessionZone() throws SQLException {
    DataType ltz =
        kind(DataType.newBuilder().setTimestamp(DataType.Timestamp.getDefaultInstance()));
    Timestamp instant = Timestamp.from(java.time.Instant.parse("2024-02-29T12:00:00.5Z"));
    ColumnAccessor a = over(ltz, instant);
    assertThat(a.getString(0)).as("Berlin is UTC+1 in winter").isEqualTo("2024-02-29 13:00:00.5");
    assertThat(a.getTimestamp(0, null)).isEqualTo(instant);
    assertThat(a.getObject(0, LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 0, 0, 500_000_000));
    DataType ntz =
        kind(DataType.newBuilder().setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance()));
    ColumnAccessor n = over(ntz, Timestamp.valueOf("2024-02-29 12:00:00"));
    assertThat(n.getString(0)).as("a wall clock never shifts").isEqualTo("2024-02-29 12:00:00");
  }

  @Test
  void timeKeepsItsFractionInText() throws SQLException {
    DataType time = kind(DataType.newBuilder().setTime(DataType.Time.newBuilder().setPrecision(6)));
    Time t = Time.valueOf("10:11:12");
    t.setTime(t.getTime() + 250);
    ColumnAccessor a = over(time, t);
    assertThat(a.getString(0)).isEqualTo("10:11:12.25");
    assertThat(a.getTimestamp(0, null)).isEqualTo(Timestamp.valueOf("1970-01-01 10:11:12.25"));
  }

  @Test
  void intervalsRenderAsSparkAndReadAsJavaTime() throws SQLException {
    ColumnAccessor ym =
        over(
            kind(
                DataType.newBuilder()
                    .setYearMonthInterval(
                        DataType.YearMonthInterval.newBuilder().setStartField(0).setEndField(1))),
            Period.ofMonths(-14));
    assertThat(ym.getString(0)).isEqualTo("INTERVAL '-1-2' YEAR TO MONTH");
    assertThat(ym.getLong(0)).isEqualTo(-14);
    ColumnAccessor dt =
        over(
            kind(
                DataType.newBuilder()
                    .setDayTimeInterval(
                        DataType.DayTimeInterval.newBuilder().setStartField(0).setEndField(3))),
            Duration.ofSeconds(93_784, 500_000_000));
    assertThat(dt.getString(0)).isEqualTo("INTERVAL '1 02:03:04.5' DAY TO SECOND");
    assertThat(dt.getObject(0)).isEqualTo(Duration.ofSeconds(93_784, 500_000_000));
  }

  @Test
  void nestedValuesRenderAsSparksCast() throws SQLException {
    DataType array =
        kind(DataType.newBuilder().setArray(DataType.Array.newBuilder().setElementType(STRING)));
    ColumnAccessor list =
        over(array, new SparkArray(STRING, new Object[] {"a", null}, (l, t, r) -> null));
    assertThat(list.getString(0)).isEqualTo("[a, null]");
    assertThat(((java.sql.Array) list.getObject(0)).getArray()).isEqualTo(new Object[] {"a", null});
    DataType map =
        kind(
            DataType.newBuilder()
                .setMap(DataType.Map.newBuilder().setKeyType(STRING).setValueType(INT)));
    Map<Object, Object> entries = new LinkedHashMap<>();
    entries.put("x", 1);
    entries.put("y", null);
    assertThat(over(map, entries).getString(0)).isEqualTo("{x -> 1, y -> null}");
    DataType struct =
        kind(
            DataType.newBuilder()
                .setStruct(
                    DataType.Struct.newBuilder()
                        .addFields(DataType.StructField.newBuilder().setName("a").setDataType(INT))
                        .addFields(
                            DataType.StructField.newBuilder().setName("b").setDataType(STRING))));
    ColumnAccessor s =
        over(struct, new SparkStruct("STRUCT<a: INT, b: STRING>", new Object[] {1, "x"}));
    assertThat(s.getString(0)).isEqualTo("{1, x}");
    assertThat(sqlState(() -> s.getInt(0))).isEqualTo("22018");
  }

  @Test
  void booleanReadsAsOneOrZero() throws SQLException {
    ColumnAccessor a =
        over(kind(DataType.newBuilder().setBoolean(DataType.Boolean.getDefaultInstance())), true);
    assertThat(a.getInt(0)).isEqualTo(1);
    assertThat(a.getString(0)).isEqualTo("true");
    assertThat(a.getBigDecimal(0)).isEqualByComparingTo("1");
    assertThat(sqlState(() -> a.getBytes(0))).isEqualTo("22018");
  }

  @Test
  void nullsAreNullForEveryFamily() {
    for (DataType type : List.of(INT, BIGINT, STRING)) {
      assertThat(over(type, (Object) null).isNull(0)).as("%s", type.getKindCase()).isTrue();
    }
  }
}
