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
            .addAllAggregateExpressions(expressions.translateItems(items));
    if (input != null) {
      agg.setInput(input);
    }
    List<SqlNode> keys = List.of();
    if (s.getGroup() != null) {
      keys = groupBy(agg, s.getGroup().getList(), items);
    }
    Relation rel = Relation.newBuilder().setAggregate(agg).build();
    if (s.getHaving() != null) {
      rel = RelationTranslator.filter(rel, expressions.translate(s.getHaving()));
      if (order != null) {
        if (hasUnselectedAggregate(List.of(s.getHaving()), items)
            && hasUnselectedAggregate(order.getList(), items)) {
          // Spark fails to resolve such an ORDER BY (UNRESOLVED_COLUMN); the plan would fail
          // differently, so Spark gets the text and reports its own error.
          throw UnsupportedSqlException.of(
              "ORDER BY an aggregate not selected after a HAVING with one", order);
        }
        order = sortByKeyNames(order, keys, items);
      }
    }
    if (order != null && agg.getGroupType() != Aggregate.GroupType.GROUP_TYPE_GROUPBY) {
      // Over grouping sets, Spark finds an ORDER BY key expression in the Aggregate's output only
      // by its name there (the SELECT item an ordinal names, too).
      List<SqlNode> resolved = new ArrayList<>();
      for (SqlNode o : order) {
        resolved.add(SelectItems.replaceOrdinal(o, items));
      }
      order = sortByKeyNames(new SqlNodeList(resolved, order.getParserPosition()), keys, items);
    }
    if (order != null) {
      rel = relations.sort(rel, order, items);
    }
    if (!keys.isEmpty()) {
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

  /**
   * ORDER BY a grouping key after HAVING: the key's name in the Aggregate's output. Spark's
   * analyzer finds a key that is not selected below a HAVING that added an aggregate of its own
   * only from the SQL text's plan; in a Connect plan the key column is lost there
   * (MISSING_ATTRIBUTES). A key whose name a SELECT alias takes stays as written: ORDER BY means
   * the alias then.
   */
  private static SqlNodeList sortByKeyNames(
      SqlNodeList order, List<SqlNode> keys, List<SqlNode> items) {
    List<SqlNode> out = new ArrayList<>();
    for (SqlNode item : order) {
      out.add(sortByKeyName(item, keys, items));
    }
    return new SqlNodeList(out, order.getParserPosition());
  }

  private static SqlNode sortByKeyName(SqlNode item, List<SqlNode> keys, List<SqlNode> items) {
    if (item.getKind() == SqlKind.DESCENDING
        || item.getKind() == SqlKind.NULLS_FIRST
        || item.getKind() == SqlKind.NULLS_LAST) {
      SqlCall call = (SqlCall) item;
      return call.getOperator()
          .createCall(call.getParserPosition(), sortByKeyName(call.operand(0), keys, items));
    }
    int index = indexOf(keys, item);
    if (index < 0
        || item instanceof SqlIdentifier id
            && aliasTaken(id.names.get(id.names.size() - 1), items)) {
      return item;
    }
    return new SqlIdentifier(GROUP_KEY_PREFIX + index, item.getParserPosition());
  }

  /** True when {@code nodes} call an aggregate that is no SELECT item (alias aside). */
  private static boolean hasUnselectedAggregate(List<SqlNode> nodes, List<SqlNode> items) {
    List<SqlNode> aggregates = new ArrayList<>();
    for (SqlNode n : nodes) {
      n.accept(
          new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
              if (call.getKind() == SqlKind.SELECT || call.getKind() == SqlKind.OVER) {
                return null;
              }
              if (call.getOperator().isAggregator()
                  || FunctionTable.isAggregate(
                      FunctionTable.function(call.getOperator().getName()))) {
                aggregates.add(call);
                return null;
              }
              return super.visit(call);
            }
          });
    }
    for (SqlNode a : aggregates) {
      boolean selected = false;
      for (SqlNode item : items) {
        selected |=
            SelectItems.stripAlias(item).equalsDeep(a, org.apache.calcite.util.Litmus.IGNORE);
      }
      if (!selected) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a SELECT item gives the name to something other than a column of that name: {@code
   * n_name AS n_name}, common in generated SQL, means the column whichever way Spark decides.
   */
  private static boolean aliasOfOther(String name, List<SqlNode> items) {
    for (SqlNode item : items) {
      if (item.getKind() == SqlKind.AS
          && ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple().equalsIgnoreCase(name)
          && !(((SqlCall) item).operand(0) instanceof SqlIdentifier column
              && column.names.get(column.names.size() - 1).equalsIgnoreCase(name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean aliasTaken(String name, List<SqlNode> items) {
    for (SqlNode item : items) {
      if (item.getKind() == SqlKind.AS
          && ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fills grouping keys and sets; returns the keys the Aggregate outputs, in the order of their
   * reserved names. Plain keys make a GROUP BY, one ROLLUP or CUBE of single keys alone its own
   * group type, and anything else (GROUPING SETS, ROLLUP/CUBE next to plain keys or of composite
   * elements) the grouping sets Spark's analyzer would expand it into: the cross product of each
   * element's sets, over the distinct keys in order of appearance (the order grouping_id() numbers
   * its bits in).
   */
  private List<SqlNode> groupBy(Aggregate.Builder agg, List<SqlNode> group, List<SqlNode> items) {
    boolean plainOnly = true;
    for (SqlNode g : group) {
      if (g.getKind() == SqlKind.GROUP_BY_DISTINCT) {
        throw UnsupportedSqlException.of("GROUP BY DISTINCT", g);
      }
      plainOnly &= !isAnalytics(g);
    }
    if (plainOnly) {
      return addKeys(agg, group, items);
    }
    relations.uses(PlanFeature.ROLLUP_CUBE);
    if (group.size() == 1
        && (group.get(0).getKind() == SqlKind.ROLLUP || group.get(0).getKind() == SqlKind.CUBE)
        && ((SqlCall) group.get(0))
            .getOperandList().stream().noneMatch(GroupByTranslator::isComposite)) {
      SqlCall special = (SqlCall) group.get(0);
      agg.setGroupType(
          special.getKind() == SqlKind.ROLLUP
              ? Aggregate.GroupType.GROUP_TYPE_ROLLUP
              : Aggregate.GroupType.GROUP_TYPE_CUBE);
      return addKeys(agg, special.getOperandList(), items);
    }
    List<List<SqlNode>> sets = List.of(List.of());
    for (SqlNode g : group) {
      sets = crossProduct(sets, setsOf(g));
    }
    // Distinct keys in order of appearance in the clause, as Spark collects them.
    List<SqlNode> keys = new ArrayList<>();
    for (SqlNode g : group) {
      collectKeys(g, keys);
    }
    List<Expression> translatedKeys = new ArrayList<>();
    for (SqlNode k : keys) {
      translatedKeys.add(
          ExpressionTranslator.alias(
              expressions.translate(keyExpression(k, items)),
              GROUP_KEY_PREFIX + translatedKeys.size()));
    }
    agg.setGroupType(Aggregate.GroupType.GROUP_TYPE_GROUPING_SETS);
    agg.addAllGroupingExpressions(translatedKeys);
    for (List<SqlNode> set : sets) {
      Aggregate.GroupingSets.Builder b = Aggregate.GroupingSets.newBuilder();
      for (SqlNode k : set) {
        b.addGroupingSet(translatedKeys.get(indexOf(keys, k)));
      }
      agg.addGroupingSets(b);
    }
    List<SqlNode> named = new ArrayList<>();
    for (SqlNode k : keys) {
      named.add(keyExpression(k, items));
    }
    return named;
  }

  private static void collectKeys(SqlNode element, List<SqlNode> keys) {
    if (isAnalytics(element) || isComposite(element)) {
      List<SqlNode> operands =
          element instanceof SqlNodeList list
              ? list.getList()
              : ((SqlCall) element).getOperandList();
      for (SqlNode o : operands) {
        collectKeys(o, keys);
      }
    } else if (indexOf(keys, element) < 0) {
      keys.add(element);
    }
  }

  private static int indexOf(List<SqlNode> keys, SqlNode key) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).equalsDeep(key, org.apache.calcite.util.Litmus.IGNORE)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAnalytics(SqlNode g) {
    return g.getKind() == SqlKind.ROLLUP
        || g.getKind() == SqlKind.CUBE
        || g.getKind() == SqlKind.GROUPING_SETS;
  }

  private static boolean isComposite(SqlNode n) {
    return n instanceof SqlNodeList || n.getKind() == SqlKind.ROW;
  }

  /** The keys of one element: a plain key, or a parenthesised list of them. */
  private static List<SqlNode> keysOf(SqlNode n) {
    if (n instanceof SqlNodeList list) {
      return list.getList();
    }
    if (n.getKind() == SqlKind.ROW) {
      return ((SqlCall) n).getOperandList();
    }
    if (isAnalytics(n)) {
      throw UnsupportedSqlException.of("nested " + n.getKind(), n);
    }
    return List.of(n);
  }

  /** The grouping sets one GROUP BY element stands for. */
  private static List<List<SqlNode>> setsOf(SqlNode g) {
    List<List<SqlNode>> out = new ArrayList<>();
    switch (g.getKind()) {
      case ROLLUP -> {
        List<SqlNode> elements = ((SqlCall) g).getOperandList();
        for (int n = elements.size(); n >= 0; n--) {
          List<SqlNode> set = new ArrayList<>();
          for (SqlNode e : elements.subList(0, n)) {
            set.addAll(keysOf(e));
          }
          out.add(set);
        }
      }
      case CUBE -> {
        List<SqlNode> elements = ((SqlCall) g).getOperandList();
        if (elements.size() > 12) {
          throw UnsupportedSqlException.of("CUBE of more than 12 elements", g);
        }
        for (int mask = (1 << elements.size()) - 1; mask >= 0; mask--) {
          List<SqlNode> set = new ArrayList<>();
          for (int i = 0; i < elements.size(); i++) {
            if ((mask & (1 << (elements.size() - 1 - i))) != 0) {
              set.addAll(keysOf(elements.get(i)));
            }
          }
          out.add(set);
        }
      }
      case GROUPING_SETS -> {
        for (SqlNode e : ((SqlCall) g).getOperandList()) {
          if (isAnalytics(e)) {
            out.addAll(setsOf(e));
          } else {
            out.add(keysOf(e));
          }
        }
      }
      default -> out.add(List.of(g));
    }
    return out;
  }

  private static List<List<SqlNode>> crossProduct(List<List<SqlNode>> a, List<List<SqlNode>> b) {
    List<List<SqlNode>> out = new ArrayList<>();
    for (List<SqlNode> x : a) {
      for (List<SqlNode> y : b) {
        List<SqlNode> set = new ArrayList<>(x);
        set.addAll(y);
        out.add(set);
      }
    }
    return out;
  }

  /** A key as written, or the SELECT item an ordinal names. */
  private static SqlNode keyExpression(SqlNode key, List<SqlNode> items) {
    return SelectItems.ordinal(key)
        .map(n -> SelectItems.stripAlias(SelectItems.selectItem(items, n, key)))
        .orElseGet(() -> notAnAlias(key, items));
  }

  /**
   * GROUP BY a SELECT alias: Spark groups by an input column of that name if there is one, else by
   * the aliased expression. Sent as a name, Spark's analyzer would decide the same for the grouping
   * key, but Connect's Aggregate also puts its keys at the head of its output list, where a name
   * that is only an alias does not resolve (UNRESOLVED_COLUMN). Without the input's schema the
   * translator cannot tell the two cases apart, so such a query goes to Spark as text.
   */
  private static SqlNode notAnAlias(SqlNode key, List<SqlNode> items) {
    if (key instanceof SqlIdentifier id && id.isSimple() && aliasOfOther(id.getSimple(), items)) {
      throw UnsupportedSqlException.of(
          "GROUP BY the SELECT alias " + id.getSimple() + " (column or alias: Spark decides)", key);
    }
    return key;
  }

  private List<SqlNode> addKeys(Aggregate.Builder agg, List<SqlNode> keys, List<SqlNode> items) {
    int i = 0;
    List<SqlNode> named = new ArrayList<>();
    for (SqlNode key : keys) {
      named.add(keyExpression(key, items));
      agg.addGroupingExpressions(
          ExpressionTranslator.alias(
              expressions.translate(keyExpression(key, items)), GROUP_KEY_PREFIX + i++));
    }
    return named;
  }
}
