package dev.sparkjdbc.plan.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
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

  /**
   * {@code t TABLESAMPLE (…)} in Spark's forms. Operands: the table, the method (PERCENT, -PERCENT,
   * ROWS or BUCKET, a string), the first number, the second (BUCKET's denominator) or NULL, the
   * REPEATABLE seed or NULL.
   */
  public static final SqlSpecialOperator SAMPLE =
      new SqlSpecialOperator("SPARK_TABLESAMPLE", SqlKind.TABLESAMPLE);

  /**
   * GROUP BY ALL and ORDER BY ALL as Spark's parser builds them: one column named ALL, which
   * Spark's analyzer expands when no column of that name exists. A mutable list: the grammar's
   * GROUP BY may add to it.
   */
  public static List<SqlNode> all(SqlParserPos pos) {
    List<SqlNode> list = new ArrayList<>();
    list.add(new SqlIdentifier("ALL", pos));
    return list;
  }
}
