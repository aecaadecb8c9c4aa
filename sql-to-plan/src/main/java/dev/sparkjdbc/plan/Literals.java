package dev.sparkjdbc.plan;

import com.google.protobuf.ByteString;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;

/**
 * SQL literals as Connect literals, typed the way Spark's own parser types them: integers are INT,
 * then BIGINT, then DECIMAL; decimals keep their digits; {@code 1e3} is DOUBLE. DATE and INTERVAL
 * literals carry their exact value; TIMESTAMP and TIME literals are cast from their text on the
 * server, so the session time zone interprets them exactly as Spark's SQL does.
 */
final class Literals {
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Literals() {}

  static Expression of(SqlLiteral given) {
    if (given instanceof SqlUnknownLiteral unknown
        && unknown.tag.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP_")) {
      return sparkTimestamp(unknown);
    }
    SqlLiteral literal = given instanceof SqlUnknownLiteral unknown ? resolve(unknown) : given;
    SqlTypeName type = literal.getTypeName();
    if (literal instanceof SqlNumericLiteral n) {
      return numeric(n);
    }
    if (literal instanceof SqlIntervalLiteral interval) {
      return interval(interval);
    }
    if (literal instanceof SqlCharStringLiteral s) {
      return string(SparkStrings.unescape(s.getValueAs(NlsString.class).getValue()));
    }
    switch (type) {
      case NULL:
        return wrap(
            Expression.Literal.newBuilder()
                .setNull(DataType.newBuilder().setNull(DataType.NULL.getDefaultInstance())));
      case BOOLEAN:
        return wrap(Expression.Literal.newBuilder().setBoolean(literal.booleanValue()));
      case DATE:
        {
          DateString date = literal.getValueAs(DateString.class);
          return wrap(
              Expression.Literal.newBuilder()
                  .setDate((int) LocalDate.parse(date.toString()).toEpochDay()));
        }
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return castFromText(literal.toValue(), "TIMESTAMP");
      case TIME:
        return castFromText(literal.toValue(), "TIME");
      case BINARY:
        return wrap(
            Expression.Literal.newBuilder()
                .setBinary(
                    ByteString.copyFrom(literal.getValueAs(BitString.class).getAsByteArray())));
      default:
        throw UnsupportedSqlException.of(type + " literal", literal);
    }
  }

  /**
   * {@code TIMESTAMP_NTZ '…'}, {@code TIMESTAMP_LTZ '…'} (the Spark grammar's): checked as a
   * timestamp, then cast from the text to the tagged type as TIMESTAMP '…' is.
   */
  private static Expression sparkTimestamp(SqlUnknownLiteral unknown) {
    String tag = unknown.tag.toUpperCase(Locale.ROOT);
    if (!tag.equals("TIMESTAMP_NTZ") && !tag.equals("TIMESTAMP_LTZ")) {
      throw UnsupportedSqlException.of(unknown.tag + " literal", unknown);
    }
    SqlLiteral checked;
    try {
      checked = unknown.resolve(SqlTypeName.TIMESTAMP);
    } catch (RuntimeException e) {
      throw UnsupportedSqlException.of("invalid " + unknown.tag + " literal", unknown);
    }
    return castFromText(checked.toValue(), tag);
  }

  /** The parser leaves typed literals ({@code DATE '…'}) unresolved; resolve by tag. */
  private static SqlLiteral resolve(SqlUnknownLiteral unknown) {
    SqlTypeName type =
        switch (unknown.tag.toUpperCase(Locale.ROOT)) {
          case "DATE" -> SqlTypeName.DATE;
          case "TIME" -> SqlTypeName.TIME;
          case "TIMESTAMP" -> SqlTypeName.TIMESTAMP;
          default -> throw UnsupportedSqlException.of(unknown.tag + " literal", unknown);
        };
    try {
      return unknown.resolve(type);
    } catch (RuntimeException e) {
      throw UnsupportedSqlException.of("invalid " + unknown.tag + " literal", unknown);
    }
  }

  static Expression string(String value) {
    return wrap(Expression.Literal.newBuilder().setString(value));
  }

  static Expression integer(int value) {
    return wrap(Expression.Literal.newBuilder().setInteger(value));
  }

  /**
   * An exact numeric written with a decimal point: always DECIMAL, even without fraction digits.
   */
  static Expression exactDecimal(SqlNumericLiteral n) {
    BigDecimal value = n.getValueAs(BigDecimal.class);
    int precision = Math.max(value.precision(), value.scale());
    if (precision > 38) {
      throw UnsupportedSqlException.of("numeric literal beyond DECIMAL(38)", n);
    }
    return wrap(
        Expression.Literal.newBuilder()
            .setDecimal(
                Expression.Literal.Decimal.newBuilder()
                    .setValue(value.toPlainString())
                    .setPrecision(precision)
                    .setScale(value.scale())));
  }

  private static Expression numeric(SqlNumericLiteral n) {
    BigDecimal value = n.getValueAs(BigDecimal.class);
    if (!n.isExact()) {
      return wrap(Expression.Literal.newBuilder().setDouble(value.doubleValue()));
    }
    if (value.scale() <= 0) {
      if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
        return integer(value.intValueExact());
      }
      if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
        return wrap(Expression.Literal.newBuilder().setLong(value.longValueExact()));
      }
      value = value.setScale(0);
    }
    int precision = Math.max(value.precision(), value.scale());
    if (precision > 38) {
      throw UnsupportedSqlException.of("numeric literal beyond DECIMAL(38)", n);
    }
    return wrap(
        Expression.Literal.newBuilder()
            .setDecimal(
                Expression.Literal.Decimal.newBuilder()
                    .setValue(value.toPlainString())
                    .setPrecision(precision)
                    .setScale(value.scale())));
  }

  private static Expression interval(SqlIntervalLiteral literal) {
    SqlIntervalLiteral.IntervalValue value =
        literal.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    return interval(
        value.getIntervalLiteral(), value.getSign(), value.getIntervalQualifier(), literal);
  }

  /**
   * Spark's {@code INTERVAL 60 DAYS} (a number, not a string, before the unit), which Calcite reads
   * as an INTERVAL call: the same literal as {@code INTERVAL '60' DAY}, as Spark builds it. Only
   * SECOND takes a fraction; Spark converts other fractions in ways this class does not model.
   */
  static Expression intervalOfNumber(
      SqlNumericLiteral number, int sign, SqlIntervalQualifier qualifier, SqlNode at) {
    BigDecimal value = number.getValueAs(BigDecimal.class);
    if (qualifier.getEndUnit() != null && qualifier.getEndUnit() != qualifier.getStartUnit()
        || value.stripTrailingZeros().scale() > 0 && qualifier.getStartUnit() != TimeUnit.SECOND) {
      throw UnsupportedSqlException.of(
          "INTERVAL " + value.toPlainString() + " " + qualifier.timeUnitRange, at);
    }
    return interval(value.toPlainString(), sign, qualifier, at);
  }

  private static Expression interval(
      String literalText, int sign, SqlIntervalQualifier qualifier, SqlNode literal) {
    SparkRejects.intervalPrecision(qualifier);
    TimeUnit start = qualifier.getStartUnit();
    TimeUnit end = qualifier.getEndUnit() == null ? start : qualifier.getEndUnit();
    String text = literalText.trim();
    boolean negative = sign < 0 ^ text.startsWith("-");
    text = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (start == TimeUnit.YEAR || start == TimeUnit.MONTH) {
      int months = yearMonth(text, start, end, literal);
      return wrap(
          Expression.Literal.newBuilder()
              .setYearMonthInterval(negative ? -months : months)
              .setDataType(
                  DataType.newBuilder()
                      .setYearMonthInterval(
                          DataType.YearMonthInterval.newBuilder()
                              .setStartField(field(start))
                              .setEndField(field(end)))));
    }
    long micros = dayTime(text, start, end, literal);
    return wrap(
        Expression.Literal.newBuilder()
            .setDayTimeInterval(negative ? -micros : micros)
            .setDataType(
                DataType.newBuilder()
                    .setDayTimeInterval(
                        DataType.DayTimeInterval.newBuilder()
                            .setStartField(field(start))
                            .setEndField(field(end)))));
  }

  /**
   * True for a literal whose type only its {@code data_type} states: an interval whose fields are
   * not the default of its kind (YEAR TO MONTH, DAY TO SECOND), which is all a server that ignores
   * {@code data_type} can infer from the value ({@link PlanFeature#LITERAL_DATA_TYPE}).
   */
  static boolean typedOnlyByDataType(Expression e) {
    if (!e.hasLiteral() || !e.getLiteral().hasDataType()) {
      return false;
    }
    DataType type = e.getLiteral().getDataType();
    if (type.hasYearMonthInterval()) {
      DataType.YearMonthInterval t = type.getYearMonthInterval();
      return t.getStartField() != 0 || t.getEndField() != 1;
    }
    if (type.hasDayTimeInterval()) {
      DataType.DayTimeInterval t = type.getDayTimeInterval();
      return t.getStartField() != 0 || t.getEndField() != 3;
    }
    return true;
  }

  /** Spark's interval field numbers: YEAR 0, MONTH 1; DAY 0, HOUR 1, MINUTE 2, SECOND 3. */
  private static int field(TimeUnit unit) {
    return switch (unit) {
      case YEAR, DAY -> 0;
      case MONTH, HOUR -> 1;
      case MINUTE -> 2;
      case SECOND -> 3;
      default -> throw new UnsupportedSqlException("INTERVAL " + unit, null);
    };
  }

  private static int yearMonth(String text, TimeUnit start, TimeUnit end, SqlNode at) {
    try {
      if (start == end) {
        int v = Integer.parseInt(text);
        return start == TimeUnit.YEAR ? Math.multiplyExact(v, 12) : v;
      }
      String[] parts = text.split("-");
      return Math.addExact(
          Math.multiplyExact(Integer.parseInt(parts[0]), 12), Integer.parseInt(parts[1]));
    } catch (RuntimeException e) {
      throw UnsupportedSqlException.of("INTERVAL literal '" + text + "'", at);
    }
  }

  private static long dayTime(String text, TimeUnit start, TimeUnit end, SqlNode at) {
    try {
      if (start == end) {
        BigDecimal v = new BigDecimal(text);
        long unitMicros =
            switch (start) {
              case DAY -> 86_400L * MICROS_PER_SECOND;
              case HOUR -> 3_600L * MICROS_PER_SECOND;
              case MINUTE -> 60L * MICROS_PER_SECOND;
              default -> MICROS_PER_SECOND;
            };
        return v.multiply(BigDecimal.valueOf(unitMicros)).longValueExact();
      }
      // 'D HH:MM:SS.fff' and its sub-forms: read the fields from the start unit on.
      String[] parts = text.split("[ :]");
      TimeUnit[] order = {TimeUnit.DAY, TimeUnit.HOUR, TimeUnit.MINUTE, TimeUnit.SECOND};
      long[] scale = {86_400L, 3_600L, 60L, 1L};
      int first = Arrays.asList(order).indexOf(start);
      BigDecimal total = BigDecimal.ZERO;
      for (int p = 0; p < parts.length; p++) {
        total = total.add(new BigDecimal(parts[p]).multiply(BigDecimal.valueOf(scale[first + p])));
      }
      return total.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)).longValueExact();
    } catch (RuntimeException e) {
      throw UnsupportedSqlException.of("INTERVAL literal '" + text + "'", at);
    }
  }

  /**
   * A TIMESTAMP or TIME literal as Spark's parser reads it, from an expression string the
   * translator writes itself (a keyword and a quoted value of digits and separators): the session
   * time zone interprets it, and its label is Spark's ({@code TIMESTAMP '2020-01-01 10:00:00'}, not
   * the {@code CAST(… AS TIMESTAMP)} a cast from a string would show).
   */
  private static Expression castFromText(String text, String type) {
    if (!text.matches("[0-9 :.\\-]+")) {
      throw new UnsupportedSqlException(type + " literal '" + text + "'", null);
    }
    return expressionString(type + " '" + text + "'");
  }

  static Expression expressionString(String sql) {
    return Expression.newBuilder()
        .setExpressionString(Expression.ExpressionString.newBuilder().setExpression(sql))
        .build();
  }

  private static Expression wrap(Expression.Literal.Builder literal) {
    return Expression.newBuilder().setLiteral(literal).build();
  }
}
