package dev.sparkjdbc.plan.parser;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Operators and nodes that the Spark grammar ({@code src/main/codegen}) builds and Calcite has no
 * equivalent of. The translator recognises them by identity.
 */
public final class SparkSqlNodes {
  private SparkSqlNodes() {}

  /**
   * {@code a DIV b}: Spark's integral division. Precedence 60, left-associative, like {@code *} and
   * {@code /} (Spark's grammar puts DIV with them).
   */
  public static final SqlBinaryOperator DIV =
      new SqlBinaryOperator(
          "DIV",
          SqlKind.OTHER_FUNCTION,
          60,
          true,
          ReturnTypes.BIGINT_NULLABLE,
          null,
          OperandTypes.NUMERIC_NUMERIC);
}
