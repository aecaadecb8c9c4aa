package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.SubqueryExpression;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;

/**
 * {@code x op ANY (…)} and {@code x op ALL (…)}, which Spark's parser lacks, with the standard's
 * meaning. Over a value list, the OR (ANY) or AND (ALL) of the comparisons. Over a subquery, EXISTS
 * questions of the subquery's single column (not IN: Spark 4.2's IN subquery in a SELECT list
 * answers false where the standard says null, e.g. {@code 2 IN (1, NULL)}): ANY is true when some
 * row compares true, else null when some comparison is null, else false (also for no rows); ALL is
 * false when some row compares false, else null when some comparison is null, else true (also for
 * no rows).
 */
final class QuantifiedComparisons {
  static final String COLUMN = "__sparkjdbc_quantified";

  private QuantifiedComparisons() {}

  static Expression translate(
      SqlCall call, ExpressionTranslator expressions, RelationTranslator relations, boolean all) {
    SqlKind comparison = ((SqlQuantifyOperator) call.getOperator()).comparisonKind;
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    if (left instanceof SqlNodeList || left.getKind() == SqlKind.ROW) {
      throw UnsupportedSqlException.of("row value in a quantified comparison", call);
    }
    Expression value = expressions.translate(left);
    if (right instanceof SqlNodeList list) {
      List<Expression> comparisons = new ArrayList<>();
      for (SqlNode v : list) {
        comparisons.add(compare(comparison, value, expressions.translate(v)));
      }
      Expression combined = comparisons.get(0);
      for (Expression c : comparisons.subList(1, comparisons.size())) {
        combined = ExpressionTranslator.function(all ? "and" : "or", List.of(combined, c));
      }
      return combined;
    }
    if (anyCall(left, QuantifiedComparisons::isSubquery)) {
      throw UnsupportedSqlException.of("subquery inside a quantified comparison's value", left);
    }
    if (isPlainSelectOfOne(right) && onlyQualifiedNames(left)) {
      SqlSelect sub = (SqlSelect) right;
      Expression decisive =
          existsWhere(
              relations,
              sub,
              item -> {
                Expression c = compare(comparison, value, item);
                return all ? ExpressionTranslator.function("not", List.of(c)) : c;
              });
      Expression unknown =
          existsWhere(
              relations,
              sub,
              item ->
                  ExpressionTranslator.function(
                      "isnull", List.of(compare(comparison, value, item))));
      return ExpressionTranslator.function(
          "when", List.of(decisive, bool(!all), unknown, nullBoolean(), bool(all)));
    }
    Expression column =
        Expression.newBuilder()
            .setUnresolvedAttribute(
                Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier(COLUMN))
            .build();
    Expression compared = compare(comparison, value, column);
    Expression decisive =
        exists(
            relations,
            right,
            all ? ExpressionTranslator.function("not", List.of(compared)) : compared);
    Expression unknown =
        exists(relations, right, ExpressionTranslator.function("isnull", List.of(compared)));
    return ExpressionTranslator.function(
        "when", List.of(decisive, bool(!all), unknown, nullBoolean(), bool(all)));
  }

  private static Expression compare(SqlKind comparison, Expression a, Expression b) {
    if (comparison == SqlKind.NOT_EQUALS) {
      return ExpressionTranslator.function(
          "not", List.of(ExpressionTranslator.function("==", List.of(a, b))));
    }
    String op =
        FunctionTable.operator(comparison)
            .orElseThrow(() -> new UnsupportedSqlException("comparison " + comparison, null));
    return ExpressionTranslator.function(op, List.of(a, b));
  }

  private static Expression exists(
      RelationTranslator relations, SqlNode query, Expression condition) {
    long id = relations.referenceFiltered(query, COLUMN, condition);
    return Expression.newBuilder()
        .setSubqueryExpression(
            SubqueryExpression.newBuilder()
                .setPlanId(id)
                .setSubqueryType(SubqueryExpression.SubqueryType.SUBQUERY_TYPE_EXISTS))
        .build();
  }

  private static Expression existsWhere(
      RelationTranslator relations,
      SqlSelect sub,
      java.util.function.Function<Expression, Expression> condition) {
    long id = relations.referenceWhere(sub, condition);
    return Expression.newBuilder()
        .setSubqueryExpression(
            SubqueryExpression.newBuilder()
                .setPlanId(id)
                .setSubqueryType(SubqueryExpression.SubqueryType.SUBQUERY_TYPE_EXISTS))
        .build();
  }

  /**
   * A SELECT of one expression (no star) from a FROM with at most a WHERE: rows of its FROM are
   * rows of the subquery, so a condition on the expression can join its WHERE.
   */
  private static boolean isPlainSelectOfOne(SqlNode node) {
    if (!(node instanceof SqlSelect s)) {
      return false;
    }
    SqlNode item = s.getSelectList().size() == 1 ? s.getSelectList().get(0) : null;
    return item != null
        && !(item instanceof org.apache.calcite.sql.SqlIdentifier id && id.isStar())
        && s.getFrom() != null
        && s.getGroup() == null
        && s.getHaving() == null
        && s.getWindowList().isEmpty()
        && (s.getOrderList() == null || s.getOrderList().isEmpty())
        && s.getFetch() == null
        && s.getOffset() == null
        && s.getQualify() == null
        && !s.isDistinct()
        && !s.hasHints()
        && !anyCall(item, QuantifiedComparisons::isAggregateOrWindow);
  }

  /**
   * True when every name in the value is qualified: moved into the subquery's WHERE, an unqualified
   * name could be taken by a column of the subquery's FROM instead of the enclosing query's.
   */
  private static boolean onlyQualifiedNames(SqlNode value) {
    boolean[] ok = {true};
    value.accept(
        new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
          @Override
          public Void visit(org.apache.calcite.sql.SqlIdentifier id) {
            ok[0] &= id.names.size() > 1;
            return null;
          }
        });
    return ok[0];
  }

  /** Whether {@code node} holds a call that {@code matches} (not looking inside that call). */
  private static boolean anyCall(SqlNode node, java.util.function.Predicate<SqlCall> matches) {
    boolean[] found = {false};
    node.accept(
        new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (matches.test(call)) {
              found[0] = true;
              return null;
            }
            return super.visit(call);
          }
        });
    return found[0];
  }

  private static boolean isAggregateOrWindow(SqlCall call) {
    return call.getKind() == SqlKind.OVER
        || call.getOperator().isAggregator()
        || FunctionTable.isAggregate(FunctionTable.function(call.getOperator().getName()));
  }

  private static boolean isSubquery(SqlCall call) {
    return call.getKind() == SqlKind.SELECT
        || call.getKind() == SqlKind.SCALAR_QUERY
        || call.getKind() == SqlKind.EXISTS;
  }

  private static Expression bool(boolean v) {
    return Expression.newBuilder()
        .setLiteral(Expression.Literal.newBuilder().setBoolean(v))
        .build();
  }

  private static Expression nullBoolean() {
    return Expression.newBuilder()
        .setLiteral(
            Expression.Literal.newBuilder()
                .setNull(DataType.newBuilder().setBoolean(DataType.Boolean.getDefaultInstance())))
        .build();
  }
}
