package dev.sparkjdbc.jdbc.result.accessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sparkjdbc.proto.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One set of conversion rules: every getter, over the same values, answers alike (the same value,
 * or the same SQLSTATE) through the Arrow accessors (the server's rows) and through the Java-value
 * accessors (rows the driver holds: metadata, {@code Array.getResultSet()}). The Java values are
 * what the Arrow accessor's {@code getObject} gives, as an array's elements are, and, for the types
 * metadata uses, the plain Java values the metadata rows hold.
 */
class JavaValuesMatchArrowTest {
  private static final ZoneId SESSION_ZONE = ZoneId.of("America/Los_Angeles");
  private static final ColumnContext CONTEXT =
      new ColumnContext(() -> SESSION_ZONE, (labels, types, rows) -> null);

  private static BufferAllocator allocator;
  private static TimeZone jvmZone;

  /** A JVM zone other than the session's and UTC, so that no zone mix-up goes unseen. */
  @BeforeAll
  static void open() {
    allocator = new RootAllocator();
    jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
  }

  @AfterAll
  static void close() {
    TimeZone.setDefault(jvmZone);
    allocator.close();
  }

  /** A column of values, as an Arrow vector of a Spark type. */
  private record Column(String name, DataType type, FieldVector vector) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static DataType type(DataType.Builder b) {
    return b.build();
  }

  private static final DataType INT =
      type(DataType.newBuilder().setInteger(DataType.Integer.getDefaultInstance()));
  private static final DataType STRING =
      type(DataType.newBuilder().setString(DataType.String.getDefaultInstance()));

  static Stream<Arguments> columns() {
    List<Column> columns = new ArrayList<>();
    BitVector bools = new BitVector("b", allocator);
    fill(bools, 3, (v, i) -> v.setSafe(i, i % 2), 2);
    columns.add(
        new Column(
            "BOOLEAN",
            type(DataType.newBuilder().setBoolean(DataType.Boolean.getDefaultInstance())),
            bools));
    TinyIntVector tiny = new TinyIntVector("t", allocator);
    fill(tiny, 3, (v, i) -> v.setSafe(i, (byte) (i == 0 ? -128 : 100)), 2);
    columns.add(
        new Column(
            "TINYINT",
            type(DataType.newBuilder().setByte(DataType.Byte.getDefaultInstance())),
            tiny));
    SmallIntVector small = new SmallIntVector("s", allocator);
    fill(small, 3, (v, i) -> v.setSafe(i, (short) (i == 0 ? 300 : -1)), 2);
    columns.add(
        new Column(
            "SMALLINT",
            type(DataType.newBuilder().setShort(DataType.Short.getDefaultInstance())),
            small));
    IntVector ints = new IntVector("i", allocator);
    fill(ints, 3, (v, i) -> v.setSafe(i, i == 0 ? Integer.MIN_VALUE : 42), 2);
    columns.add(new Column("INT", INT, ints));
    BigIntVector longs = new BigIntVector("l", allocator);
    fill(longs, 3, (v, i) -> v.setSafe(i, i == 0 ? Long.MAX_VALUE : 3_000_000_000L), 2);
    columns.add(
        new Column(
            "BIGINT",
            type(DataType.newBuilder().setLong(DataType.Long.getDefaultInstance())),
            longs));
    Float4Vector floats = new Float4Vector("f", allocator);
    fill(floats, 4, (v, i) -> v.setSafe(i, new float[] {1.5f, Float.NaN, 3e38f, 0}[i]), 3);
    columns.add(
        new Column(
            "FLOAT",
            type(DataType.newBuilder().setFloat(DataType.Float.getDefaultInstance())),
            floats));
    Float8Vector doubles = new Float8Vector("d", allocator);
    fill(doubles, 4, (v, i) -> v.setSafe(i, new double[] {-2.25, 1e300, Double.NaN, 0}[i]), 3);
    columns.add(
        new Column(
            "DOUBLE",
            type(DataType.newBuilder().setDouble(DataType.Double.getDefaultInstance())),
            doubles));
    DecimalVector decimals = new DecimalVector("dec", allocator, 38, 2);
    fill(
        decimals,
        3,
        (v, i) -> v.setSafe(i, new BigDecimal(i == 0 ? "12345678901234567890123.45" : "-1.50")),
        2);
    columns.add(
        new Column(
            "DECIMAL",
            type(
                DataType.newBuilder()
                    .setDecimal(DataType.Decimal.newBuilder().setPrecision(38).setScale(2))),
            decimals));
    String[] texts = {
      "true", "0", " 42 ", "1.5", "abc", "2024-02-29", "10:11:12", "2024-02-29 10:11:12.5", "1e400"
    };
    VarCharVector strings = new VarCharVector("str", allocator);
    fill(
        strings,
        texts.length + 1,
        (v, i) -> v.setSafe(i, texts[i].getBytes(StandardCharsets.UTF_8)),
        texts.length);
    columns.add(new Column("STRING", STRING, strings));
    VarBinaryVector binaries = new VarBinaryVector("bin", allocator);
    fill(binaries, 2, (v, i) -> v.setSafe(i, new byte[] {1, 2, (byte) 0xC3, (byte) 0xBC}), 1);
    columns.add(
        new Column(
            "BINARY",
            type(DataType.newBuilder().setBinary(DataType.Binary.getDefaultInstance())),
            binaries));
    DateDayVector dates = new DateDayVector("date", allocator);
    fill(dates, 3, (v, i) -> v.setSafe(i, i == 0 ? -719162 : 19782), 2);
    columns.add(
        new Column(
            "DATE",
            type(DataType.newBuilder().setDate(DataType.Date.getDefaultInstance())),
            dates));
    TimeStampMicroTZVector instants =
        new TimeStampMicroTZVector("ts", allocator, SESSION_ZONE.getId());
    fill(instants, 3, (v, i) -> v.setSafe(i, i == 0 ? 1_709_201_130_123_456L : -1L), 2);
    columns.add(
        new Column(
            "TIMESTAMP",
            type(DataType.newBuilder().setTimestamp(DataType.Timestamp.getDefaultInstance())),
            instants));
    TimeStampMicroVector wallClocks = new TimeStampMicroVector("ntz", allocator);
    fill(wallClocks, 3, (v, i) -> v.setSafe(i, i == 0 ? 1_709_201_130_123_000L : 0L), 2);
    columns.add(
        new Column(
            "TIMESTAMP_NTZ",
            type(DataType.newBuilder().setTimestampNtz(DataType.TimestampNTZ.getDefaultInstance())),
            wallClocks));
    TimeMicroVector times = new TimeMicroVector("time", allocator);
    fill(times, 2, (v, i) -> v.setSafe(i, 36_672_123_000L), 1);
    columns.add(
        new Column(
            "TIME",
            type(DataType.newBuilder().setTime(DataType.Time.newBuilder().setPrecision(6))),
            times));
    IntervalYearVector months = new IntervalYearVector("ym", allocator);
    fill(months, 3, (v, i) -> v.setSafe(i, i == 0 ? 14 : -3), 2);
    columns.add(
        new Column(
            "INTERVAL YEAR TO MONTH",
            type(
                DataType.newBuilder()
                    .setYearMonthInterval(
                        DataType.YearMonthInterval.newBuilder().setStartField(0).setEndField(1))),
            months));
    DurationVector micros =
        new DurationVector(
            "dt", FieldType.nullable(new ArrowType.Duration(TimeUnit.MICROSECOND)), allocator);
    fill(micros, 3, (v, i) -> v.setSafe(i, i == 0 ? 93_784_500_000L : -1L), 2);
    columns.add(
        new Column(
            "INTERVAL DAY TO SECOND",
            type(
                DataType.newBuilder()
                    .setDayTimeInterval(
                        DataType.DayTimeInterval.newBuilder().setStartField(0).setEndField(3))),
            micros));
    IntervalMonthDayNanoVector calendar = new IntervalMonthDayNanoVector("cal", allocator);
    fill(calendar, 2, (v, i) -> v.setSafe(i, 14, 3, 4_000_000_000L), 1);
    columns.add(
        new Column(
            "INTERVAL",
            type(
                DataType.newBuilder()
                    .setCalendarInterval(DataType.CalendarInterval.getDefaultInstance())),
            calendar));
    ListVector arrays = ListVector.empty("arr", allocator);
    UnionListWriter writer = arrays.getWriter();
    writer.setPosition(0);
    writer.startList();
    writer.writeInt(1);
    writer.writeNull();
    writer.writeInt(3);
    writer.endList();
    writer.setPosition(1);
    writer.startList();
    writer.endList();
    arrays.setValueCount(3); // the third is NULL
    columns.add(
        new Column(
            "ARRAY<INT>",
            type(DataType.newBuilder().setArray(DataType.Array.newBuilder().setElementType(INT))),
            arrays));
    return columns.stream().map(Arguments::of);
  }

  private interface Setter<V> {
    void set(V vector, int row);
  }

  /** Rows 0 to count-1, with the row at {@code nullRow} left NULL. */
  private static <V extends FieldVector> void fill(
      V vector, int count, Setter<V> setter, int nullRow) {
    vector.allocateNew();
    for (int i = 0; i < count; i++) {
      if (i != nullRow) {
        setter.set(vector, i);
      }
    }
    vector.setValueCount(count);
  }

  private interface Getter {
    Object get(ColumnAccessor a, int row) throws SQLException;
  }

  /** Every getter of ResultSet, as the result set calls it on an accessor. */
  private static final Map<String, Getter> GETTERS = new LinkedHashMap<>();

  static {
    GETTERS.put("getObject", ColumnAccessor::getObject);
    GETTERS.put("getString", ColumnAccessor::getString);
    GETTERS.put("getBoolean", ColumnAccessor::getBoolean);
    GETTERS.put("getByte", ColumnAccessor::getByte);
    GETTERS.put("getShort", ColumnAccessor::getShort);
    GETTERS.put("getInt", ColumnAccessor::getInt);
    GETTERS.put("getLong", ColumnAccessor::getLong);
    GETTERS.put("getFloat", ColumnAccessor::getFloat);
    GETTERS.put("getDouble", ColumnAccessor::getDouble);
    GETTERS.put("getBigDecimal", ColumnAccessor::getBigDecimal);
    GETTERS.put("getBytes", ColumnAccessor::getBytes);
    GETTERS.put("getDate", (a, r) -> a.getDate(r, null));
    GETTERS.put("getTime", (a, r) -> a.getTime(r, null));
    GETTERS.put("getTimestamp", (a, r) -> a.getTimestamp(r, null));
    for (Class<?> c :
        List.of(
            LocalDate.class,
            LocalTime.class,
            LocalDateTime.class,
            Instant.class,
            OffsetDateTime.class,
            Integer.class,
            String.class)) {
      GETTERS.put("getObject(" + c.getSimpleName() + ")", (a, r) -> a.getObject(r, c));
    }
  }

  /** A getter's answer: its value, or the SQLSTATE of its refusal. */
  private record Outcome(Object value, String sqlState) {
    static Outcome of(Getter getter, ColumnAccessor accessor, int row) {
      try {
        return new Outcome(getter.get(accessor, row), null);
      } catch (SQLException e) {
        assertThat(e.getSQLState()).as("SQLSTATE of %s", e).isNotNull();
        return new Outcome(null, e.getSQLState());
      } catch (RuntimeException e) {
        return fail("A getter threw a RuntimeException instead of an SQLException", e);
      }
    }

    boolean same(Outcome other) {
      return Objects.equals(sqlState, other.sqlState)
          && Objects.deepEquals(normal(value), normal(other.value));
    }

    private static Object normal(Object v) {
      return v instanceof java.sql.Array a ? a.toString() : v;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void everyGetterAnswersAlikeForAnArraysElementsAndAColumn(Column column) throws SQLException {
    try (FieldVector vector = column.vector()) {
      ColumnAccessor arrow = ColumnAccessors.forVector(vector, column.type(), CONTEXT);
      Object[] values = new Object[vector.getValueCount()];
      for (int row = 0; row < values.length; row++) {
        values[row] = arrow.isNull(row) ? null : arrow.getObject(row);
      }
      ColumnAccessor java =
          ColumnAccessors.forValues(ValueColumn.of(values), column.type(), CONTEXT);
      assertSame(column, arrow, java, values.length);
    }
  }

  /**
   * A result's top-level column is told each batch, and then reads its fixed-width values, string
   * offsets and validity bitmap without Arrow's checks: it must answer as the checked reader (an
   * array's elements, never told) does.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void aTopLevelColumnReadingUncheckedAnswersAsTheCheckedReader(Column column) throws SQLException {
    try (FieldVector vector = column.vector()) {
      ColumnAccessor checked = ColumnAccessors.forVector(vector, column.type(), CONTEXT);
      Object[] values = new Object[vector.getValueCount()];
      for (int row = 0; row < values.length; row++) {
        values[row] = checked.isNull(row) ? null : checked.getObject(row);
      }
      ColumnAccessor unchecked = ColumnAccessors.forVector(vector, column.type(), CONTEXT);
      unchecked.batchLoaded();
      if (vector instanceof BaseFixedWidthVector || vector instanceof BaseVariableWidthVector) {
        assertThat(unchecked.dataAddress).as("%s reads unchecked", column).isNotZero();
      }
      ColumnAccessor java =
          ColumnAccessors.forValues(ValueColumn.of(values), column.type(), CONTEXT);
      assertSame(column, unchecked, java, values.length);
    }
  }

  static Stream<Arguments> metadataValues() {
    return Stream.of(
        Arguments.of("SMALLINT", new SmallIntVector("h", allocator), (short) 7),
        Arguments.of("INT", new IntVector("i", allocator), 1 << 20),
        Arguments.of("BIGINT", new BigIntVector("l", allocator), 1L << 40),
        Arguments.of("BOOLEAN", new BitVector("b", allocator), true),
        Arguments.of("STRING", new VarCharVector("s", allocator), "true"),
        Arguments.of("STRING", new VarCharVector("s", allocator), "TABLE"));
  }

  /** Metadata rows hold plain Java values (a Short for SMALLINT): they answer as server rows. */
  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("metadataValues")
  void metadataValuesAnswerAsServerRows(String sparkType, FieldVector vector, Object value)
      throws SQLException {
    try (vector) {
      vector.allocateNew();
      if (vector instanceof SmallIntVector v) {
        v.setSafe(0, (Short) value);
      } else if (vector instanceof IntVector v) {
        v.setSafe(0, (Integer) value);
      } else if (vector instanceof BigIntVector v) {
        v.setSafe(0, (Long) value);
      } else if (vector instanceof BitVector v) {
        v.setSafe(0, (Boolean) value ? 1 : 0);
      } else {
        ((VarCharVector) vector).setSafe(0, ((String) value).getBytes(StandardCharsets.UTF_8));
      }
      vector.setValueCount(1);
      DataType type =
          switch (sparkType) {
            case "SMALLINT" ->
                type(DataType.newBuilder().setShort(DataType.Short.getDefaultInstance()));
            case "INT" -> INT;
            case "BIGINT" ->
                type(DataType.newBuilder().setLong(DataType.Long.getDefaultInstance()));
            case "BOOLEAN" ->
                type(DataType.newBuilder().setBoolean(DataType.Boolean.getDefaultInstance()));
            default -> STRING;
          };
      ColumnAccessor arrow = ColumnAccessors.forVector(vector, type, CONTEXT);
      ColumnAccessor java =
          ColumnAccessors.forValues(ValueColumn.of(new Object[] {value}), type, CONTEXT);
      assertSame(new Column(sparkType, type, vector), arrow, java, 1);
    }
  }

  private static void assertSame(Column column, ColumnAccessor arrow, ColumnAccessor java, int rows)
      throws SQLException {
    int compared = 0;
    for (int row = 0; row < rows; row++) {
      assertThat(java.isNull(row)).as("%s row %d isNull", column, row).isEqualTo(arrow.isNull(row));
      if (arrow.isNull(row)) {
        continue;
      }
      for (Map.Entry<String, Getter> getter : GETTERS.entrySet()) {
        Outcome fromArrow = Outcome.of(getter.getValue(), arrow, row);
        Outcome fromJava = Outcome.of(getter.getValue(), java, row);
        if (!fromArrow.same(fromJava)) {
          fail(
              "%s row %d, %s: Arrow answered %s, Java values %s",
              column, row, getter.getKey(), show(fromArrow), show(fromJava));
        }
        compared++;
      }
    }
    assertThat(compared).as("getters compared for %s", column).isGreaterThan(0);
  }

  private static String show(Outcome o) {
    if (o.sqlState() != null) {
      return "SQLSTATE " + o.sqlState();
    }
    Object v = o.value();
    return v instanceof byte[] b
        ? Arrays.toString(b)
        : v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")");
  }
}
