package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * Parameter values as Spark SQL text, for the statements Spark's own parameter binding does not
 * reach (Delta Lake's UPDATE, DELETE and MERGE take no named parameters). Injection-proof by
 * construction: no value's own text is ever copied into the statement. Strings and binary values go
 * as hexadecimal ({@code CAST(X'…' AS STRING)}), numbers as the driver's own decimal rendering of
 * the typed value inside a CAST, dates and timestamps through functions of their numbers; every
 * value keeps the exact Spark type its typed literal has.
 */
final class SqlLiterals {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private SqlLiterals() {}

  /** The SQL text of a parameter value as {@link ParameterLiterals} builds them. */
  static String of(Expression value) throws SQLException {
    if (value.hasLiteral()) {
      return literal(value.getLiteral());
    }
    if (value.hasCast()) {
      Expression.Cast cast = value.getCast();
      String type = cast.hasType() ? SparkTypeNames.sqlName(cast.getType()) : cast.getTypeStr();
      return "CAST(" + of(cast.getExpr()) + " AS " + type + ")";
    }
    if (value.hasUnresolvedFunction()
        && value.getUnresolvedFunction().getFunctionName().equals("array")) {
      StringJoiner elements = new StringJoiner(", ", "array(", ")");
      for (Expression e : value.getUnresolvedFunction().getArgumentsList()) {
        elements.add(of(e));
      }
      return elements.toString();
    }
    throw SqlErrors.badParameter("Cannot write this parameter value as SQL: " + value, null);
  }

  /**
   * A value where Spark's grammar takes only a bare literal ({@code VERSION AS OF ?}): an integer's
   * digits, or a string of letters, digits, {@code _ . -} in quotes. Anything else cannot be
   * written there without copying its text, and is refused.
   */
  static String bare(Expression value) throws SQLException {
    if (value.hasLiteral()) {
      Expression.Literal l = value.getLiteral();
      switch (l.getLiteralTypeCase()) {
        case BYTE, SHORT, INTEGER, LONG -> {
          long v =
              switch (l.getLiteralTypeCase()) {
                case BYTE -> l.getByte();
                case SHORT -> l.getShort();
                case INTEGER -> l.getInteger();
                default -> l.getLong();
              };
          if (v >= 0) {
            return Long.toString(v);
          }
        }
        case STRING -> {
          if (l.getString().matches("[A-Za-z0-9_.-]+")) {
            return "'" + l.getString() + "'";
          }
        }
        default -> {}
      }
    }
    throw SqlErrors.badParameter(
        "A version after VERSION AS OF must be a non-negative integer, or a string of letters,"
            + " digits, '_', '.' and '-'",
        null);
  }

  @SuppressWarnings("deprecation")
  private static String literal(Expression.Literal l) throws SQLException {
    return switch (l.getLiteralTypeCase()) {
      case NULL ->
          l.getNull().hasNull()
              ? "NULL"
              : "CAST(NULL AS " + SparkTypeNames.sqlName(l.getNull()) + ")";
      case BOOLEAN -> l.getBoolean() ? "TRUE" : "FALSE";
      case BYTE -> "CAST(" + l.getByte() + " AS TINYINT)";
      case SHORT -> "CAST(" + l.getShort() + " AS SMALLINT)";
      case INTEGER -> "CAST(" + l.getInteger() + " AS INT)";
      case LONG -> "CAST(" + l.getLong() + " AS BIGINT)";
      // Java's shortest text that reads back as the same value; NaN and Infinity cast as well
      case FLOAT -> "CAST('" + Float.toString(l.getFloat()) + "' AS FLOAT)";
      case DOUBLE -> "CAST('" + Double.toString(l.getDouble()) + "' AS DOUBLE)";
      case DECIMAL -> {
        Expression.Literal.Decimal d = l.getDecimal();
        yield "CAST('"
            + new java.math.BigDecimal(d.getValue()).toPlainString()
            + "' AS DECIMAL("
            + d.getPrecision()
            + ","
            + d.getScale()
            + "))";
      }
      case STRING ->
          l.getString().isEmpty()
              ? "''"
              : "CAST(X'"
                  + HEX.formatHex(l.getString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  + "' AS STRING)";
      case BINARY -> "X'" + HEX.formatHex(l.getBinary().toByteArray()) + "'";
      case DATE -> "DATE_FROM_UNIX_DATE(" + l.getDate() + ")";
      case TIMESTAMP -> "TIMESTAMP_MICROS(" + l.getTimestamp() + ")";
      case TIMESTAMP_NTZ -> timestampNtz(l.getTimestampNtz());
      case ARRAY -> {
        StringJoiner elements = new StringJoiner(", ", "array(", ")");
        for (Expression.Literal e : l.getArray().getElementsList()) {
          elements.add(literal(e));
        }
        DataType type =
            l.hasDataType()
                ? l.getDataType()
                : DataType.newBuilder()
                    .setArray(
                        DataType.Array.newBuilder()
                            .setElementType(l.getArray().getElementType())
                            .setContainsNull(true))
                    .build();
        yield "CAST(" + elements + " AS " + SparkTypeNames.sqlName(type) + ")";
      }
      default ->
          throw SqlErrors.badParameter(
              "Cannot write a " + l.getLiteralTypeCase() + " parameter value as SQL", null);
    };
  }

  /** A wall-clock value, exact for every year: MAKE_TIMESTAMP_NTZ of its fields. */
  private static String timestampNtz(long micros) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1_000,
            ZoneOffset.UTC);
    return "MAKE_TIMESTAMP_NTZ("
        + t.getYear()
        + ", "
        + t.getMonthValue()
        + ", "
        + t.getDayOfMonth()
        + ", "
        + t.getHour()
        + ", "
        + t.getMinute()
        + ", CAST('"
        + t.getSecond()
        + "."
        + String.format("%06d", t.getNano() / 1_000)
        + "' AS DECIMAL(8,6)))";
  }
}
