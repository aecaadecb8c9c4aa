package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Expression;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Spark's numeric literals with a type suffix ({@code 1L}, {@code 2S}, {@code 3Y}, {@code 1.5BD},
 * {@code 1D}, {@code 1F}), which Calcite reads as a name ({@code 1L}) or as a number aliased by the
 * suffix ({@code 1.5 BD}). A value outside the suffix's type goes to Spark as text, where it fails
 * with Spark's own error.
 */
final class SuffixedLiterals {
  private static final Pattern SUFFIXED =
      Pattern.compile(
          "(-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:E[+-]?[0-9]+)?)(L|S|Y|BD|D|F)",
          Pattern.CASE_INSENSITIVE);

  private SuffixedLiterals() {}

  /** A name spelled like a suffixed number, not back-quoted (then it is a name to Spark too). */
  static Optional<Expression> ofIdentifier(SqlIdentifier id, String spelling, SqlNode at) {
    if (!id.isSimple() || spelling.isEmpty() || !Character.isDigit(spelling.charAt(0))) {
      return Optional.empty();
    }
    return of(spelling, at);
  }

  /** True for a name spelled like a suffixed number (not back-quoted). */
  static boolean isSpelledLikeOne(SqlIdentifier id, String spelling) {
    return id.isSimple()
        && !spelling.isEmpty()
        && Character.isDigit(spelling.charAt(0))
        && SUFFIXED.matcher(spelling).matches();
  }

  /** The literal {@code text} stands for, if it is a suffixed number. */
  static Optional<Expression> of(String text, SqlNode at) {
    Matcher m = SUFFIXED.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String digits = m.group(1);
    String suffix = m.group(2).toUpperCase(Locale.ROOT);
    boolean integral = digits.matches("-?[0-9]+");
    Expression.Literal.Builder literal = Expression.Literal.newBuilder();
    try {
      switch (suffix) {
        case "L", "S", "Y" -> {
          if (!integral) {
            return Optional.empty(); // 1.5L is no Spark literal: Spark reads a name, as Calcite
          }
          long v = new BigDecimal(digits).longValueExact();
          switch (suffix) {
            case "L" -> literal.setLong(v);
            case "S" ->
                literal.setShort(Math.toIntExact(range(v, Short.MIN_VALUE, Short.MAX_VALUE)));
            default -> literal.setByte(Math.toIntExact(range(v, Byte.MIN_VALUE, Byte.MAX_VALUE)));
          }
        }
        case "D" -> literal.setDouble(finite(Double.parseDouble(digits)));
        case "F" -> literal.setFloat((float) finite(Float.parseFloat(digits)));
        default -> {
          BigDecimal v = new BigDecimal(digits);
          if (v.scale() < 0) {
            v = v.setScale(0);
          }
          int precision = Math.max(v.precision(), v.scale());
          if (precision > 38) {
            throw new ArithmeticException("beyond DECIMAL(38)");
          }
          literal.setDecimal(
              Expression.Literal.Decimal.newBuilder()
                  .setValue(v.toPlainString())
                  .setPrecision(precision)
                  .setScale(v.scale()));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw UnsupportedSqlException.of("literal " + text + " outside its type", at);
    }
    return Optional.of(Expression.newBuilder().setLiteral(literal).build());
  }

  private static long range(long v, long min, long max) {
    if (v < min || v > max) {
      throw new ArithmeticException("out of range");
    }
    return v;
  }

  private static double finite(double v) {
    if (Double.isInfinite(v)) {
      throw new ArithmeticException("out of range");
    }
    return v;
  }
}
