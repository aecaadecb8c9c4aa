package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Aggregate;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Project;
import dev.sparkjdbc.proto.Relation;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/** The GROUP BY part of a SELECT: the Aggregate, its HAVING and ORDER BY, and SELECT's order. */
final class GroupByTranslator {
  /** Grouping keys get these names so the final projection can leave them out by pattern. */
  private static final String GROUP_KEY_PREFIX = "__sparkjdbc_group_";

  private static final String NOT_A_GROUP_KEY = "`^(?!" + GROUP_KEY_PREFIX + "[0-9]+$).*`";

  private final RelationTranslator relations;
  private final ExpressionTranslator expressions;

  GroupByTranslator(RelationTranslator relations, ExpressionTranslator expressions) {
    this.relations = relations;
    this.expressions = expressions;
  }

  /**
   * GROUP BY with HAVING and ORDER BY. Connect's Aggregate outputs its grouping keys before the
   * SELECT list; the keys get reserved names and a final pattern projection drops them, which keeps
   * the SELECT list's order and Spark's own names for unaliased items. HAVING and ORDER BY sit
   * between the two, where Spark's analyzer resolves aggregates they mention.
   */
  Relation aggregate(SqlSelect s, Relation input, List<SqlNode> items, SqlNodeList order) {
    Aggregate.Builder agg =
        Aggregate.newBuilder()
            .setGroupType(Aggregate.GroupType.GROUP_TYPE_GROUPBY)
            .addAllAggregateExpressions(expressions.translateAll(items));
    if (input != null) {
      agg.setInput(input);
    }
    int keys = 0;
    if (s.getGroup() != null) {
      keys = groupBy(agg, s.getGroup().getList(), items);
    }
    Relation rel = Relation.newBuilder().setAggregate(agg).build();
    if (s.getHaving() != null) {
      rel = RelationTranslator.filter(rel, expressions.translate(s.getHaving()));
    }
    if (order != null) {
      rel = relations.sort(rel, order, items);
    }
    if (keys > 0) {
      rel =
          Relation.newBuilder()
              .setProject(
                  Project.newBuilder()
                      .setInput(rel)
                      .addExpressions(
                          Expression.newBuilder()
                              .setUnresolvedRegex(
                                  Expression.UnresolvedRegex.newBuilder()
                                      .setColName(NOT_A_GROUP_KEY))))
              .build();
    }
    return rel;
  }

  /** Fills grouping keys and sets; returns how many key columns the Aggregate outputs. */
  private int groupBy(Aggregate.Builder agg, List<SqlNode> group, List<SqlNode> items) {
    List<SqlNode> plain = new ArrayList<>();
    SqlCall special = null;
    for (SqlNode g : group) {
      if (g.getKind() == SqlKind.GROUP_BY_DISTINCT) {
        throw UnsupportedSqlException.of("GROUP BY DISTINCT", g);
      }
      if (g.getKind() == SqlKind.ROLLUP
          || g.getKind() == SqlKind.CUBE
          || g.getKind() == SqlKind.GROUPING_SETS) {
        if (special != null || !plain.isEmpty()) {
          throw UnsupportedSqlException.of("GROUP BY mixing ROLLUP/CUBE/GROUPING SETS", g);
        }
        special = (SqlCall) g;
      } else {
        if (special != null) {
          throw UnsupportedSqlException.of("GROUP BY mixing ROLLUP/CUBE/GROUPING SETS", g);
        }
        plain.add(g);
      }
    }
    if (special == null) {
      addKeys(agg, plain, items);
      return plain.size();
    }
    relations.uses(PlanFeature.ROLLUP_CUBE);
    switch (special.getKind()) {
      case ROLLUP -> agg.setGroupType(Aggregate.GroupType.GROUP_TYPE_ROLLUP);
      case CUBE -> agg.setGroupType(Aggregate.GroupType.GROUP_TYPE_CUBE);
      default -> throw UnsupportedSqlException.of("GROUPING SETS", special);
    }
    List<SqlNode> operands = new ArrayList<>();
    for (SqlNode o : special.getOperandList()) {
      if (o instanceof SqlNodeList || o.getKind() == SqlKind.ROW) {
        throw UnsupportedSqlException.of("composite ROLLUP/CUBE element", o);
      }
      operands.add(o);
    }
    addKeys(agg, operands, items);
    return operands.size();
  }

  private void addKeys(Aggregate.Builder agg, List<SqlNode> keys, List<SqlNode> items) {
    int i = 0;
    for (SqlNode key : keys) {
      SqlNode expr =
          SelectItems.ordinal(key)
              .map(n -> SelectItems.stripAlias(SelectItems.selectItem(items, n, key)))
              .orElseGet(() -> aliasedItem(key, items));
      agg.addGroupingExpressions(
          ExpressionTranslator.alias(expressions.translate(expr), GROUP_KEY_PREFIX + i++));
    }
  }

  /**
   * GROUP BY a SELECT alias: Spark groups by a column of that name if the input has one, else by
   * the aliased expression. Without the input's schema that cannot be decided here, so such a query
   * goes to Spark as text.
   */
  private static SqlNode aliasedItem(SqlNode key, List<SqlNode> items) {
    if (key instanceof SqlIdentifier id && id.isSimple()) {
      String name = RelationTranslator.key(id.getSimple());
      for (SqlNode item : items) {
        if (item.getKind() == SqlKind.AS
            && RelationTranslator.key(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple())
                .equals(name)) {
          throw UnsupportedSqlException.of(
              "GROUP BY the SELECT alias " + id.getSimple() + " (column or alias: Spark decides)",
              key);
        }
      }
    }
    return key;
  }
}
