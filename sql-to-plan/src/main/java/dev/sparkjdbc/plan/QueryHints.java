package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Hint;
import dev.sparkjdbc.proto.Relation;
import java.util.List;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * {@code SELECT /*+ BROADCAST(t), REPARTITION(4) *}{@code / …}: Spark's parser wraps the SELECT's
 * result (above its projection, below ORDER BY and LIMIT) in one UnresolvedHint per hint, the first
 * hint outermost, each parameter an expression: a name is an attribute, a number a literal.
 * Connect's Hint relation builds the same.
 */
final class QueryHints {
  private QueryHints() {}

  static Relation wrap(Relation input, SqlNodeList hints, ExpressionTranslator expressions) {
    Relation rel = input;
    List<SqlNode> list = hints.getList();
    for (int i = list.size() - 1; i >= 0; i--) {
      SqlHint hint = (SqlHint) list.get(i);
      Hint.Builder out = Hint.newBuilder().setInput(rel).setName(hint.getName());
      SqlNodeList options = (SqlNodeList) hint.getOperandList().get(1);
      for (SqlNode option : options) {
        out.addParameters(parameter(option, expressions, hint));
      }
      rel = Relation.newBuilder().setHint(out).build();
    }
    return rel;
  }

  private static Expression parameter(SqlNode option, ExpressionTranslator expressions, SqlHint h) {
    if (option instanceof SqlIdentifier id) {
      return ExpressionTranslator.identifier(id);
    }
    if (option instanceof SqlLiteral) {
      return expressions.translate(option);
    }
    // key = value options have no Spark spelling
    throw UnsupportedSqlException.of("hint option " + option, h);
  }
}
