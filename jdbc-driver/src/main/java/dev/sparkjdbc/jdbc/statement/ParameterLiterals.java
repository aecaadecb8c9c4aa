package dev.sparkjdbc.jdbc.statement;

import com.google.protobuf.ByteString;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.types.SparkType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.UUID;

/**
 * Parameter values as typed Spark Connect literals: a value travels inside the plan as data, never
 * as SQL text, so no value can change the statement.
 */
public final class ParameterLiterals {
  private ParameterLiterals() {}

  public static Expression of(Expression.Literal.Builder literal) {
    return Expression.newBuilder().setLiteral(literal).build();
  }

  public static Expression bool(boolean v) {
    return of(Expression.Literal.newBuilder().setBoolean(v));
  }

  public static Expression tinyint(byte v) {
    return of(Expression.Literal.newBuilder().setByte(v));
  }

  public static Expression smallint(short v) {
    return of(Expression.Literal.newBuilder().setShort(v));
  }

  public static Expression integer(int v) {
    return of(Expression.Literal.newBuilder().setInteger(v));
  }

  public static Expression bigint(long v) {
    return of(Expression.Literal.newBuilder().setLong(v));
  }

  public static Expression real(float v) {
    return of(Expression.Literal.newBuilder().setFloat(v));
  }

  public static Expression doublePrecision(double v) {
    return of(Expression.Literal.newBuilder().setDouble(v));
  }

  /** A copy of the bytes: the caller may change its array after binding. */
  public static Expression binary(byte[] v) {
    return v == null
        ? nullOf(SparkType.BINARY.defaultType())
        : of(Expression.Literal.newBuilder().setBinary(ByteString.copyFrom(v)));
  }

  /** A NULL of the Spark type the JDBC type stands for ({@link TargetTypes}). */
  public static Expression nullOf(int sqlType) throws SQLException {
    return nullOf(TargetTypes.of(sqlType).orElse(SparkType.NULL.defaultType()));
  }

  public static Expression nullOf(DataType type) {
    return of(Expression.Literal.newBuilder().setNull(type));
  }

  /** {@code setObject(x, targetSqlType)}: x converted to the target ({@link TargetConversions}). */
  public static Expression forTarget(Object x, int targetSqlType) throws SQLException {
    return TargetConversions.convert(x, targetSqlType);
  }

  /** {@code setObject(x, targetSqlType, scaleOrLength)}. */
  public static Expression forTarget(Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    return TargetConversions.convert(x, targetSqlType, scaleOrLength);
  }

  /** {@code CAST(value AS type)}, with the type as Spark's SQL writes it. */
  public static Expression cast(Expression value, DataType type) {
    return Expression.newBuilder()
        .setCast(
            Expression.Cast.newBuilder().setExpr(value).setTypeStr(SparkTypeNames.sqlName(type)))
        .build();
  }

  /** Text that has no UTF-8 form (an unpaired surrogate) is refused rather than sent as '?'. */
  public static Expression string(String v) throws SQLException {
    if (v == null) {
      return nullOf(Types.VARCHAR);
    }
    SqlText.requireEncodable(v, "string parameter");
    return of(Expression.Literal.newBuilder().setString(v));
  }

  public static Expression decimal(BigDecimal v) throws SQLException {
    if (v == null) {
      return nullOf(Types.DECIMAL);
    }
    if (v.signum() == 0) {
      v = BigDecimal.ZERO.setScale(Math.max(0, Math.min(v.scale(), 38)));
    }
    // Digits left of the point, checked before any rescaling: 1E+1000000000 must not make us
    // compute ten to the billionth power (long: precision - scale can exceed an int).
    long integerDigits = (long) v.precision() - v.scale();
    if (integerDigits > 38) {
      throw new java.sql.SQLDataException(
          "The value " + shortText(v) + " needs more than the 38 " + "digits a Spark DECIMAL holds",
          SqlState.DATA_OUT_OF_RANGE);
    }
    int precision = Math.max(v.precision(), v.scale());
    if (v.scale() < 0) {
      v = v.setScale(0);
      precision = v.precision();
    }
    if (precision > 38) {
      throw new java.sql.SQLDataException(
          "The value " + shortText(v) + " needs more than the " + "38 digits a Spark DECIMAL holds",
          SqlState.DATA_OUT_OF_RANGE);
    }
    return of(
        Expression.Literal.newBuilder()
            .setDecimal(
                Expression.Literal.Decimal.newBuilder()
                    .setValue(v.toPlainString())
                    .setPrecision(precision)
                    .setScale(v.scale())));
  }

  /** A Spark DATE: days since 1970-01-01 in an int; dates beyond that are 22008. */
  public static Expression date(LocalDate d) throws SQLException {
    long days = d.toEpochDay();
    if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
      throw SqlErrors.datetimeOutOfRange(d, "DATE");
    }
    return of(Expression.Literal.newBuilder().setDate((int) days));
  }

  /** An instant: Spark's TIMESTAMP, microseconds since the epoch in a long. */
  static Expression instant(Instant i) throws SQLException {
    try {
      long micros =
          Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
      return of(Expression.Literal.newBuilder().setTimestamp(micros));
    } catch (ArithmeticException beyondLong) {
      throw SqlErrors.datetimeOutOfRange(i, "TIMESTAMP");
    }
  }

  /** A wall-clock value: Spark's TIMESTAMP_NTZ. */
  static Expression localDateTime(LocalDateTime t) throws SQLException {
    try {
      return of(
          Expression.Literal.newBuilder()
              .setTimestampNtz(
                  Math.addExact(
                      Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                      t.getNano() / 1_000)));
    } catch (ArithmeticException beyondLong) {
      throw SqlErrors.datetimeOutOfRange(t, "TIMESTAMP_NTZ");
    }
  }

  /** A number for a message: BigDecimal can print as a billion digits. */
  private static String shortText(BigDecimal v) {
    return v.precision() <= 60 && Math.abs((long) v.scale()) <= 60
        ? v.toPlainString()
        : "of " + v.precision() + " digits with scale " + v.scale();
  }

  public static Expression timestamp(Timestamp ts, Calendar calendar) throws SQLException {
    if (calendar == null) {
      return instant(ts.toInstant());
    }
    // the wall clock of ts, read in the calendar's zone
    return instant(ts.toLocalDateTime().atZone(calendar.getTimeZone().toZoneId()).toInstant());
  }

  /** JDBC's escape format for times: {@code hh:mm:ss}, with a fraction only when there is one. */
  private static final java.time.format.DateTimeFormatter TIME_TEXT =
      new java.time.format.DateTimeFormatterBuilder()
          .appendPattern("HH:mm:ss")
          .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();

  /**
   * A time of day goes as its text, which Spark casts wherever a time is wanted: TIME is a Spark
   * type only where {@code spark.sql.timeType.enabled} is on.
   */
  public static Expression time(LocalTime t) throws SQLException {
    return string(timeText(t));
  }

  /** {@code hh:mm:ss[.f…]}, seconds always written (LocalTime's own text drops zero seconds). */
  public static String timeText(LocalTime t) {
    return TIME_TEXT.format(t);
  }

  /** setObject without a target type: the JDBC default mapping of the value's class. */
  public static Expression object(Object x) throws SQLException {
    if (x == null) {
      return nullOf(SparkType.NULL.defaultType());
    } else if (x instanceof String s) {
      return string(s);
    } else if (x instanceof Boolean b) {
      return bool(b);
    } else if (x instanceof Byte b) {
      return tinyint(b);
    } else if (x instanceof Short s) {
      return smallint(s);
    } else if (x instanceof Integer i) {
      return integer(i);
    } else if (x instanceof Long l) {
      return bigint(l);
    } else if (x instanceof Float f) {
      return real(f);
    } else if (x instanceof Double d) {
      return doublePrecision(d);
    } else if (x instanceof BigDecimal d) {
      return decimal(d);
    } else if (x instanceof BigInteger i) {
      return decimal(new BigDecimal(i));
    } else if (x instanceof byte[] b) {
      return binary(b);
    } else if (x instanceof Date d) {
      return date(d.toLocalDate());
    } else if (x instanceof Time t) {
      return time(t.toLocalTime());
    } else if (x instanceof Timestamp t) {
      return timestamp(t, null);
    } else if (x instanceof LocalDate d) {
      return date(d);
    } else if (x instanceof LocalTime t) {
      return time(t);
    } else if (x instanceof LocalDateTime t) {
      return localDateTime(t);
    } else if (x instanceof OffsetDateTime t) {
      return instant(t.toInstant());
    } else if (x instanceof ZonedDateTime t) {
      return instant(t.toInstant());
    } else if (x instanceof Instant i) {
      return instant(i);
    } else if (x instanceof UUID u) {
      return string(u.toString());
    } else if (x instanceof java.util.Date d) {
      return instant(d.toInstant());
    } else if (x instanceof Character c) {
      return string(c.toString());
    } else if (x instanceof Array a) {
      return array(a);
    }
    throw SqlErrors.badParameter(
        "Cannot bind a " + x.getClass().getName() + " as a parameter", null);
  }

  /**
   * Spark needs the element type on an array literal: the array's base type name. It goes twice: in
   * the literal's {@code data_type}, which Spark 4.1+ reads, and in the array's deprecated {@code
   * element_type}, the only place Spark 4.0 looks (4.1+ ignores it when {@code data_type} is set),
   * so every server types the array alike.
   */
  @SuppressWarnings("deprecation")
  private static Expression array(Array a) throws SQLException {
    Object elements = a.getArray();
    if (!(elements instanceof Object[] values)) {
      throw SqlErrors.badParameter(
          "Cannot bind an Array whose getArray() returns "
              + (elements == null ? "null" : "a " + elements.getClass().getSimpleName())
              + ": the elements must come as an Object[]",
          null);
    }
    String baseType = a.getBaseTypeName();
    if (baseType == null || baseType.isBlank()) {
      throw SqlErrors.badParameter(
          "Cannot bind an Array without a base type name (Spark needs the "
              + "element type, e.g. 'INT' or 'STRING')",
          null);
    }
    Expression.Literal.Array.Builder array = Expression.Literal.Array.newBuilder();
    for (Object element : values) {
      array.addElements(object(element).getLiteral());
    }
    DataType element = SparkTypeNames.parse(baseType);
    array.setElementType(element);
    return of(
        Expression.Literal.newBuilder()
            .setArray(array)
            .setDataType(
                DataType.newBuilder()
                    .setArray(
                        DataType.Array.newBuilder()
                            .setElementType(element)
                            .setContainsNull(true))));
  }

  /** True for an array literal holding a NULL element, at any depth. */
  public static boolean hasNullElement(Expression value) {
    return value.hasLiteral()
        && value.getLiteral().hasArray()
        && hasNullElement(value.getLiteral().getArray());
  }

  private static boolean hasNullElement(Expression.Literal.Array array) {
    for (Expression.Literal element : array.getElementsList()) {
      if (element.hasNull() || element.hasArray() && hasNullElement(element.getArray())) {
        return true;
      }
    }
    return false;
  }

  /**
   * An array literal holding NULL elements as {@code CAST(array(…) AS <its type>)}, with typed
   * NULLs, for a server that does not read {@code Literal.data_type} (Spark 4.0): such a server
   * reads every element by the array's element type and turns a NULL into 0, '' or false. Any other
   * value is returned as it is.
   */
  @SuppressWarnings("deprecation")
  public static Expression arrayAsCall(Expression value) {
    if (!hasNullElement(value)) {
      return value;
    }
    Expression.Literal literal = value.getLiteral();
    DataType type =
        literal.hasDataType() && literal.getDataType().hasArray()
            ? literal.getDataType()
            : DataType.newBuilder()
                .setArray(
                    DataType.Array.newBuilder()
                        .setElementType(literal.getArray().getElementType())
                        .setContainsNull(true))
                .build();
    return Expression.newBuilder()
        .setCast(
            Expression.Cast.newBuilder()
                .setExpr(arrayCall(literal.getArray(), type.getArray().getElementType()))
                .setType(type))
        .build();
  }

  @SuppressWarnings("deprecation")
  private static Expression arrayCall(Expression.Literal.Array array, DataType elementType) {
    Expression.UnresolvedFunction.Builder call =
        Expression.UnresolvedFunction.newBuilder().setFunctionName("array");
    for (Expression.Literal element : array.getElementsList()) {
      if (element.hasNull()) {
        call.addArguments(of(Expression.Literal.newBuilder().setNull(elementType)));
      } else if (element.hasArray()) {
        DataType inner =
            elementType.hasArray()
                ? elementType.getArray().getElementType()
                : element.getArray().getElementType();
        call.addArguments(arrayCall(element.getArray(), inner));
      } else {
        call.addArguments(Expression.newBuilder().setLiteral(element));
      }
    }
    return Expression.newBuilder().setUnresolvedFunction(call).build();
  }

  public static String read(Reader reader, long length) throws SQLException {
    try {
      StringBuilder s = new StringBuilder();
      char[] buffer = new char[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      int n;
      while (left > 0 && (n = reader.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        s.append(buffer, 0, n);
        left -= n;
      }
      return s.toString();
    } catch (IOException e) {
      throw SqlErrors.badParameter("Cannot read the parameter's stream: " + e.getMessage(), e);
    }
  }

  public static byte[] read(InputStream in, long length) throws SQLException {
    try {
      return length < 0
          ? in.readAllBytes()
          : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
    } catch (IOException e) {
      throw SqlErrors.badParameter("Cannot read the parameter's stream: " + e.getMessage(), e);
    }
  }
}
