package dev.sparkjdbc.plan;

import dev.sparkjdbc.plan.parser.SparkSqlNodes;
import dev.sparkjdbc.proto.Limit;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.Sample;
import java.math.BigDecimal;
import java.util.function.Function;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUtil;

/**
 * {@code t TABLESAMPLE (…)} as Spark's parser builds it: {@code n PERCENT} and {@code BUCKET x OUT
 * OF y} a Sample of the fraction n / 100 or x / y (a REPEATABLE seed, else a random one), {@code n
 * ROWS} a Limit. What Spark's parser rejects (a fraction outside [0, 1], an alias before
 * TABLESAMPLE, Calcite's BERNOULLI/SYSTEM forms) goes as text, where Spark reports it.
 */
final class TableSamples {
  /** Spark's parser allows this much beyond [0, 1] for rounding. */
  private static final double EPSILON = 1e-6;

  private TableSamples() {}

  static Relation relation(SqlCall call, Function<SqlNode, Relation> from) {
    if (call.getOperator() != SparkSqlNodes.SAMPLE) {
      throw UnsupportedSqlException.of("TABLESAMPLE " + call.operand(1), call);
    }
    SqlNode table = call.operand(0);
    if (table.getKind() != SqlKind.IDENTIFIER) {
      // Spark puts the alias after TABLESAMPLE, and samples only a table
      throw UnsupportedSqlException.of("TABLESAMPLE after an alias or not on a table", call);
    }
    String method = ((SqlLiteral) call.operand(1)).getValueAs(String.class);
    Relation input = from.apply(table);
    if (method.equals("ROWS")) {
      int rows = integer(call.operand(2), call);
      if (!SqlUtil.isNullLiteral(call.operand(4), false)) {
        throw UnsupportedSqlException.of("TABLESAMPLE ROWS with REPEATABLE", call);
      }
      return Relation.newBuilder()
          .setLimit(Limit.newBuilder().setInput(input).setLimit(rows))
          .build();
    }
    double fraction;
    if (method.equals("BUCKET")) {
      double numerator = number(call.operand(2));
      double denominator = number(call.operand(3));
      if (numerator > denominator) {
        throw UnsupportedSqlException.of("TABLESAMPLE BUCKET numerator above denominator", call);
      }
      fraction = numerator / denominator;
    } else {
      double sign = method.startsWith("-") ? -1 : 1;
      fraction = sign * number(call.operand(2)) / 100.0d;
    }
    if (!(fraction >= 0.0 - EPSILON && fraction <= 1.0 + EPSILON)) {
      throw UnsupportedSqlException.of("TABLESAMPLE fraction outside [0, 1]", call);
    }
    Sample.Builder sample =
        Sample.newBuilder()
            .setInput(input)
            .setLowerBound(0.0)
            .setUpperBound(fraction)
            .setWithReplacement(false);
    if (!SqlUtil.isNullLiteral(call.operand(4), false)) {
      sample.setSeed(((SqlNumericLiteral) call.operand(4)).bigDecimalValue().longValue());
    }
    return Relation.newBuilder().setSample(sample).build();
  }

  /** The number as Spark reads its text (toDouble). */
  private static double number(SqlNode node) {
    return Double.parseDouble(((SqlNumericLiteral) node).toValue());
  }

  private static int integer(SqlNode node, SqlCall call) {
    BigDecimal value = ((SqlNumericLiteral) node).bigDecimalValue();
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw UnsupportedSqlException.of("TABLESAMPLE number that is not an INT", call);
    }
  }
}
