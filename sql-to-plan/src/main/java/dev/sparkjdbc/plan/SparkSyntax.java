package dev.sparkjdbc.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;

/** Questions about nodes that only the Spark grammar (src/main/codegen) builds. */
final class SparkSyntax {
  private SparkSyntax() {}

  /**
   * A call of {@code any(…)}: the grammar reads ANY followed by a parenthesis as the aggregate,
   * also where Spark means a quantifier ({@code s LIKE ANY ('a%', 'b%')}).
   */
  static boolean isAnyCall(SqlNode node) {
    return node instanceof SqlBasicCall call
        && call.getOperator() instanceof SqlUnresolvedFunction f
        && f.getSqlIdentifier() != null
        && f.getSqlIdentifier().isSimple()
        && f.getSqlIdentifier().getSimple().equalsIgnoreCase("any");
  }
}
