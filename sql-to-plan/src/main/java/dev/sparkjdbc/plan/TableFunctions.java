package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.UnresolvedTableValuedFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;

/**
 * A table-valued function in FROM ({@code range(3)}, {@code explode(array(1, 2))}, and the same
 * inside {@code TABLE(…)}): Spark's parser builds an UnresolvedTableValuedFunction of the name and
 * arguments, and Connect has the same relation.
 */
final class TableFunctions {
  private TableFunctions() {}

  /** {@code collectionTable} is Calcite's COLLECTION_TABLE call around the function call. */
  static Relation relation(SqlCall collectionTable, ExpressionTranslator expressions) {
    SqlNode operand = collectionTable.operand(0);
    if (!(operand instanceof SqlBasicCall call)
        || operand.getKind() != SqlKind.OTHER_FUNCTION
        || !(call.getOperator() instanceof SqlUnresolvedFunction function)
        || function.getSqlIdentifier() == null
        || !function.getSqlIdentifier().isSimple()
        || call.getFunctionQuantifier() != null) {
      throw UnsupportedSqlException.of("table function " + operand, collectionTable);
    }
    // The parser gives the implicit call (no TABLE keyword) the span of the call itself.
    if (!collectionTable.getParserPosition().equals(call.getParserPosition())) {
      throw UnsupportedSqlException.of("TABLE(…) in FROM", collectionTable);
    }
    return Relation.newBuilder()
        .setUnresolvedTableValuedFunction(
            UnresolvedTableValuedFunction.newBuilder()
                .setFunctionName(function.getSqlIdentifier().getSimple())
                .addAllArguments(expressions.translateAll(call.getOperandList())))
        .build();
  }
}
