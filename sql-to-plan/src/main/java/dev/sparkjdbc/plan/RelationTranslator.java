package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Deduplicate;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Filter;
import dev.sparkjdbc.proto.Join;
import dev.sparkjdbc.proto.Limit;
import dev.sparkjdbc.proto.Offset;
import dev.sparkjdbc.proto.Project;
import dev.sparkjdbc.proto.Read;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.RelationCommon;
import dev.sparkjdbc.proto.SetOperation;
import dev.sparkjdbc.proto.Sort;
import dev.sparkjdbc.proto.SubqueryAlias;
import dev.sparkjdbc.proto.ToDF;
import dev.sparkjdbc.proto.WithRelations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Query syntax to Connect relations. A SELECT is built in clause order: FROM, WHERE, GROUP BY and
 * HAVING, window, SELECT list, DISTINCT, ORDER BY, OFFSET, LIMIT. Subqueries become relations
 * referenced by plan id from a {@code WithRelations} root; CTEs are inlined where they are used.
 * Anything not handled here throws, and the statement goes to Spark as text.
 */
final class RelationTranslator {
  private final ExpressionTranslator expressions;
  private final GroupByTranslator groupBy;
  private final Deque<List<Relation>> references = new ArrayDeque<>();
  private final Deque<Map<String, SqlWithItem>> ctes = new ArrayDeque<>();
  private final Deque<Map<String, SqlWindow>> windows = new ArrayDeque<>();
  private long nextPlanId = 1;
  private final Set<PlanFeature> features = EnumSet.noneOf(PlanFeature.class);

  private final SessionSettings session;

  RelationTranslator(List<Expression> parameters, String sql, SessionSettings session) {
    this.session = session;
    this.expressions = new ExpressionTranslator(this, parameters, sql);
    this.groupBy = new GroupByTranslator(this, expressions);
  }

  /** Notes that the plan uses {@code feature}, which not every server understands. */
  void uses(PlanFeature feature) {
    features.add(feature);
  }

  /** The {@link PlanFeature}s the plans translated so far use. */
  Set<PlanFeature> features() {
    return features;
  }

  /** The root relation of a query, with the relations its subqueries reference. */
  Relation translateRoot(SqlNode query) {
    return withReferences(() -> query(query));
  }

  /**
   * Translates a subquery and registers it; returns the plan id expressions refer to. Its own
   * subqueries hang off it in a nested {@code WithRelations}: Spark resolves references per level,
   * and one flat list at the root fails analysis for nested subqueries.
   */
  long reference(SqlNode query) {
    Relation relation = withReferences(() -> query(query));
    long id = nextPlanId++;
    references
        .peek()
        .add(relation.toBuilder().setCommon(RelationCommon.newBuilder().setPlanId(id)).build());
    return id;
  }

  /**
   * Registers {@code SELECT * FROM (query) AS q(column) WHERE condition}, the query's one column
   * renamed so that the condition can name it; names in the condition that are not that column
   * resolve in the enclosing query.
   */
  long referenceFiltered(SqlNode query, String column, Expression condition) {
    Relation relation =
        withReferences(
            () ->
                filter(
                    subqueryAlias(
                        Relation.newBuilder()
                            .setToDf(
                                ToDF.newBuilder().setInput(query(query)).addColumnNames(column))
                            .build(),
                        column),
                    condition));
    long id = nextPlanId++;
    references
        .peek()
        .add(relation.toBuilder().setCommon(RelationCommon.newBuilder().setPlanId(id)).build());
    return id;
  }

  /**
   * Registers {@code SELECT * FROM … WHERE (where) AND condition(item)} for a subquery that selects
   * one expression from a plain FROM/WHERE: the item's expression goes into the condition itself.
   * Spark decorrelates that shape where a renamed column over a correlated subquery fails
   * (INTERNAL_ERROR_ATTRIBUTE_NOT_FOUND).
   */
  long referenceWhere(
      SqlSelect sub, java.util.function.Function<Expression, Expression> condition) {
    Relation relation =
        withReferences(
            () -> {
              windows.push(namedWindows(sub));
              try {
                Relation rel = from(sub.getFrom());
                if (sub.getWhere() != null) {
                  rel = filter(rel, expressions.translate(sub.getWhere()));
                }
                SqlNode item = SelectItems.stripAlias(sub.getSelectList().get(0));
                return filter(rel, condition.apply(expressions.translate(item)));
              } finally {
                windows.pop();
              }
            });
    long id = nextPlanId++;
    references
        .peek()
        .add(relation.toBuilder().setCommon(RelationCommon.newBuilder().setPlanId(id)).build());
    return id;
  }

  private Relation withReferences(Supplier<Relation> translation) {
    references.push(new ArrayList<>());
    Relation rel;
    List<Relation> own;
    try {
      rel = translation.get();
    } finally {
      own = references.pop();
    }
    if (own.isEmpty()) {
      return rel;
    }
    return Relation.newBuilder()
        .setWithRelations(WithRelations.newBuilder().setRoot(rel).addAllReferences(own))
        .build();
  }

  /**
   * {@code rel} carrying the subqueries this level has referenced so far. Spark Connect analyses
   * the input of a Deduplicate of all columns by itself, while it builds the Deduplicate, so the
   * relations its subqueries refer to must be inside that input: above it, the server fails with
   * INTERNAL_ERROR (TPC-DS q41's correlated count under SELECT DISTINCT).
   */
  private Relation withReferencesSoFar(Relation rel) {
    List<Relation> own = references.peek();
    if (own == null || own.isEmpty()) {
      return rel;
    }
    Relation carried =
        Relation.newBuilder()
            .setWithRelations(WithRelations.newBuilder().setRoot(rel).addAllReferences(own))
            .build();
    own.clear();
    return carried;
  }

  Relation query(SqlNode node) {
    switch (node.getKind()) {
      case SELECT:
        return select((SqlSelect) node, null, null, null);
      case ORDER_BY:
        {
          SqlOrderBy o = (SqlOrderBy) node;
          // FETCH/OFFSET without ORDER BY parse as an ORDER BY with no keys.
          SqlNodeList order = o.orderList.isEmpty() ? null : o.orderList;
          if (o.query instanceof SqlSelect s) {
            return select(s, order, o.offset, o.fetch);
          }
          Relation input = query(o.query);
          return limitAndOffset(
              order == null ? input : sort(input, order, null), o.offset, o.fetch);
        }
      case UNION:
      case INTERSECT:
      case EXCEPT:
        return setOperation((SqlCall) node);
      case WITH:
        return with((SqlWith) node);
      case VALUES:
        return values((SqlCall) node);
      default:
        throw UnsupportedSqlException.of(node.getKind() + " query", node);
    }
  }

  /**
   * {@code VALUES (…), (…)} as Spark's inline table is built: one row relation projecting {@code
   * inline(array(struct(…), …))}, whose columns are named col1, col2, … like Spark's.
   */
  private Relation values(SqlCall values) {
    List<Expression> rows = new ArrayList<>();
    for (SqlNode row : values.getOperandList()) {
      List<SqlNode> cells =
          row.getKind() == SqlKind.ROW ? ((SqlCall) row).getOperandList() : List.of(row);
      rows.add(ExpressionTranslator.function("struct", expressions.translateAll(cells)));
    }
    Expression inline =
        ExpressionTranslator.function(
            "inline", List.of(ExpressionTranslator.function("array", rows)));
    return Relation.newBuilder().setProject(Project.newBuilder().addExpressions(inline)).build();
  }

  private Relation with(SqlWith with) {
    Map<String, SqlWithItem> scope = new LinkedHashMap<>();
    for (SqlNode item : with.withList) {
      SqlWithItem w = (SqlWithItem) item;
      if (w.recursive != null && w.recursive.booleanValue()) {
        // Connect plans have no recursive CTE: Spark runs WITH RECURSIVE from the text.
        throw UnsupportedSqlException.of("WITH RECURSIVE", w);
      }
      if (scope.put(key(w.name.getSimple()), w) != null) {
        throw UnsupportedSqlException.of(
            "duplicate CTE name " + w.name.getSimple(), w); // Spark's error
      }
    }
    ctes.push(scope);
    try {
      return query(with.body);
    } finally {
      ctes.pop();
    }
  }

  private Relation setOperation(SqlCall call) {
    if (session.legacySetOpsPrecedence()
        && call.getKind() != SqlKind.INTERSECT
        && call.operand(1).getKind() == SqlKind.INTERSECT) {
      // Calcite bound INTERSECT tighter; the session reads the operators left to right.
      throw UnsupportedSqlException.of(
          "INTERSECT after UNION/EXCEPT under spark.sql.legacy.setopsPrecedence.enabled", call);
    }
    SetOperation.SetOpType type =
        switch (call.getKind()) {
          case UNION -> SetOperation.SetOpType.SET_OP_TYPE_UNION;
          case INTERSECT -> SetOperation.SetOpType.SET_OP_TYPE_INTERSECT;
          default -> SetOperation.SetOpType.SET_OP_TYPE_EXCEPT;
        };
    boolean all = call.getOperator().getName().toUpperCase(Locale.ROOT).endsWith("ALL");
    return Relation.newBuilder()
        .setSetOp(
            SetOperation.newBuilder()
                .setLeftInput(query(call.operand(0)))
                .setRightInput(query(call.operand(1)))
                .setSetOpType(type)
                .setIsAll(all)
                .setByName(false))
        .build();
  }

  private Relation select(SqlSelect s, SqlNodeList order, SqlNode offset, SqlNode fetch) {
    if (s.getOrderList() != null && !s.getOrderList().isEmpty() && order == null) {
      order = s.getOrderList();
      offset = s.getOffset();
      fetch = s.getFetch();
    }
    if (s.hasHints() && order != null) {
      // Spark puts hints below the sort; this builder sorts inside the SELECT's translation
      throw UnsupportedSqlException.of("query hints with ORDER BY", s.getHints());
    }
    if (s.getQualify() != null) {
      throw UnsupportedSqlException.of("QUALIFY", s.getQualify());
    }
    if (s.getModifierNode(SqlSelectKeyword.STREAM) != null) {
      throw UnsupportedSqlException.of("SELECT STREAM", s);
    }
    windows.push(namedWindows(s));
    try {
      Relation rel = s.getFrom() == null ? null : from(s.getFrom());
      List<SqlNode> items = s.getSelectList().getList();
      boolean distinct = s.getModifierNode(SqlSelectKeyword.DISTINCT) != null;
      boolean aggregate =
          s.getGroup() != null
              || s.getHaving() != null
              || AggregateFinder.anyAggregate(items)
              || (order != null && !distinct && AggregateFinder.anyAggregate(order.getList()));
      if (rel == null && (aggregate || s.getWhere() != null)) {
        rel = oneRow(); // Spark reads SELECT without FROM over a one-row relation
      }
      if (s.getWhere() != null) {
        rel = filter(rel, expressions.translate(s.getWhere()));
      }
      if (aggregate) {
        SparkSyntax.refuseAllInAggregate(s, order);
        rel = groupBy.aggregate(s, rel, items, distinct ? null : order);
      } else {
        Project.Builder project =
            Project.newBuilder().addAllExpressions(expressions.translateItems(items));
        if (rel != null) {
          project.setInput(rel);
        }
        rel = Relation.newBuilder().setProject(project).build();
        if (order != null && !distinct) {
          rel = sort(rel, order, items);
        }
      }
      if (distinct) {
        rel =
            Relation.newBuilder()
                .setDeduplicate(
                    Deduplicate.newBuilder()
                        .setInput(withReferencesSoFar(rel))
                        .setAllColumnsAsKeys(true))
                .build();
        if (order != null) {
          rel = sort(rel, order, items);
        }
      }
      if (s.hasHints()) {
        rel = QueryHints.wrap(rel, s.getHints(), expressions);
      }
      return limitAndOffset(rel, offset, fetch);
    } finally {
      windows.pop();
    }
  }

  Relation sort(Relation input, SqlNodeList order, List<SqlNode> items) {
    Sort.Builder sort = Sort.newBuilder().setInput(input).setIsGlobal(true);
    for (SqlNode item : order) {
      sort.addOrder(
          expressions.sortOrder(items == null ? item : SelectItems.replaceOrdinal(item, items)));
    }
    return Relation.newBuilder().setSort(sort).build();
  }

  /**
   * Spark's one-row relation: a Project without input or expressions is one row of no columns,
   * which an Aggregate or Filter (unlike a Project) needs as its input.
   */
  static Relation oneRow() {
    return Relation.newBuilder().setProject(Project.getDefaultInstance()).build();
  }

  static Relation filter(Relation input, Expression condition) {
    return Relation.newBuilder()
        .setFilter(Filter.newBuilder().setInput(input).setCondition(condition))
        .build();
  }

  private Relation limitAndOffset(Relation input, SqlNode offset, SqlNode fetch) {
    Relation rel = input;
    if (offset != null) {
      rel =
          Relation.newBuilder()
              .setOffset(Offset.newBuilder().setInput(rel).setOffset(count(offset)))
              .build();
    }
    if (fetch != null) {
      rel =
          Relation.newBuilder()
              .setLimit(Limit.newBuilder().setInput(rel).setLimit(count(fetch)))
              .build();
    }
    return rel;
  }

  private int count(SqlNode node) {
    Expression e = expressions.translate(node);
    if (e.hasLiteral() && e.getLiteral().hasInteger() && e.getLiteral().getInteger() >= 0) {
      return e.getLiteral().getInteger();
    }
    if (e.hasLiteral() && e.getLiteral().hasLong()) {
      long v = e.getLiteral().getLong();
      if (v >= 0 && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    }
    throw UnsupportedSqlException.of("LIMIT/OFFSET that is not a non-negative integer", node);
  }

  private Relation from(SqlNode node) {
    switch (node.getKind()) {
      case IDENTIFIER:
        return table((SqlIdentifier) node);
      case AS:
        return aliased((SqlCall) node);
      case JOIN:
        return join((SqlJoin) node);
      case COLLECTION_TABLE:
        return TableFunctions.relation((SqlCall) node, expressions);
      case TABLESAMPLE:
        return TableSamples.relation((SqlCall) node, this::from);
      case SELECT:
      case ORDER_BY:
      case UNION:
      case INTERSECT:
      case EXCEPT:
      case WITH:
      case VALUES:
        return query(node);
      default:
        throw UnsupportedSqlException.of(node.getKind() + " in FROM", node);
    }
  }

  private Relation table(SqlIdentifier id) {
    if (id.names.size() == 1) {
      SqlWithItem cte = findCte(id.getSimple());
      if (cte != null) {
        return cte(cte);
      }
    }
    if (id.names.size() > 3) {
      throw UnsupportedSqlException.of("table name with more than 3 parts", id);
    }
    return Relation.newBuilder()
        .setRead(
            Read.newBuilder()
                .setNamedTable(
                    Read.NamedTable.newBuilder().setUnparsedIdentifier(Names.quoted(id.names))))
        .build();
  }

  private SqlWithItem findCte(String name) {
    for (Map<String, SqlWithItem> scope : ctes) {
      SqlWithItem item = scope.get(key(name));
      if (item != null) {
        return item;
      }
    }
    return null;
  }

  /**
   * A CTE reference: its query, inlined, under the CTE's name (and column names). As in Spark, the
   * body sees the CTEs defined before it in its WITH and those of enclosing WITHs; a name defined
   * later (or itself) is a table there, so a self reference cannot loop.
   */
  private Relation cte(SqlWithItem item) {
    Deque<Map<String, SqlWithItem>> saved = new ArrayDeque<>(ctes);
    Deque<Map<String, SqlWithItem>> visible = new ArrayDeque<>();
    boolean found = false;
    for (Map<String, SqlWithItem> scope : saved) { // innermost first
      if (!found && scope.get(key(item.name.getSimple())) == item) {
        found = true;
        Map<String, SqlWithItem> earlier = new LinkedHashMap<>();
        for (Map.Entry<String, SqlWithItem> e : scope.entrySet()) {
          if (e.getValue() == item) {
            break;
          }
          earlier.put(e.getKey(), e.getValue());
        }
        visible.addLast(earlier);
      } else if (found) {
        visible.addLast(scope);
      }
    }
    ctes.clear();
    ctes.addAll(visible);
    try {
      Relation body = query(item.query);
      if (item.columnList != null) {
        body = toDf(body, item.columnList);
      }
      return subqueryAlias(body, item.name.getSimple());
    } finally {
      ctes.clear();
      ctes.addAll(saved);
    }
  }

  private Relation aliased(SqlCall as) {
    SqlNode source = as.operand(0);
    Relation rel = from(source);
    List<SqlNode> operands = as.getOperandList();
    if (operands.size() > 2) {
      rel =
          toDf(rel, new SqlNodeList(operands.subList(2, operands.size()), as.getParserPosition()));
    }
    return subqueryAlias(rel, ((SqlIdentifier) as.operand(1)).getSimple());
  }

  private static Relation toDf(Relation input, SqlNodeList columns) {
    ToDF.Builder toDf = ToDF.newBuilder().setInput(input);
    for (SqlNode c : columns) {
      toDf.addColumnNames(((SqlIdentifier) c).getSimple());
    }
    return Relation.newBuilder().setToDf(toDf).build();
  }

  private static Relation subqueryAlias(Relation input, String alias) {
    return Relation.newBuilder()
        .setSubqueryAlias(SubqueryAlias.newBuilder().setInput(input).setAlias(alias))
        .build();
  }

  private Relation join(SqlJoin j) {
    if (j.isNatural()) {
      // Its join columns are the names both sides share: only the server knows them.
      throw UnsupportedSqlException.of("NATURAL JOIN", j);
    }
    SqlNode lateral = lateralQuery(j.getRight());
    if (lateral != null) {
      return lateralJoin(j, lateral);
    }
    Join.Builder join = Join.newBuilder().setLeft(from(j.getLeft())).setRight(from(j.getRight()));
    switch (j.getJoinType()) {
      case INNER -> join.setJoinType(Join.JoinType.JOIN_TYPE_INNER);
      case LEFT -> join.setJoinType(Join.JoinType.JOIN_TYPE_LEFT_OUTER);
      case RIGHT -> join.setJoinType(Join.JoinType.JOIN_TYPE_RIGHT_OUTER);
      case FULL -> join.setJoinType(Join.JoinType.JOIN_TYPE_FULL_OUTER);
      case CROSS, COMMA -> join.setJoinType(Join.JoinType.JOIN_TYPE_CROSS);
      case LEFT_SEMI_JOIN -> join.setJoinType(Join.JoinType.JOIN_TYPE_LEFT_SEMI);
      case LEFT_ANTI_JOIN -> join.setJoinType(Join.JoinType.JOIN_TYPE_LEFT_ANTI);
      default -> throw UnsupportedSqlException.of(j.getJoinType() + " JOIN", j);
    }
    JoinConditionType condition = j.getConditionType();
    if (condition == JoinConditionType.ON) {
      join.setJoinCondition(expressions.translate(j.getCondition()));
    } else if (condition == JoinConditionType.USING) {
      for (SqlNode c : (SqlNodeList) j.getCondition()) {
        join.addUsingColumns(((SqlIdentifier) c).getSimple());
      }
    }
    return Relation.newBuilder().setJoin(join).build();
  }

  /** The right side of {@code LATERAL (query) [AS alias]} without the LATERAL, else null. */
  private static SqlNode lateralQuery(SqlNode right) {
    if (right.getKind() == SqlKind.LATERAL) {
      return ((SqlCall) right).operand(0);
    }
    if (right.getKind() == SqlKind.AS
        && ((SqlCall) right).operand(0).getKind() == SqlKind.LATERAL) {
      SqlCall as = (SqlCall) right;
      List<SqlNode> operands = new ArrayList<>(as.getOperandList());
      operands.set(0, ((SqlCall) operands.get(0)).operand(0));
      return as.getOperator().createCall(as.getParserPosition(), operands);
    }
    return null;
  }

  /**
   * {@code JOIN LATERAL (subquery)}: Connect's LateralJoin, whose right side may name the left's
   * columns as outer references; inner, cross and left joins, as Spark's parser allows.
   */
  private Relation lateralJoin(SqlJoin j, SqlNode right) {
    SqlNode query = right.getKind() == SqlKind.AS ? ((SqlCall) right).operand(0) : right;
    if (!(query instanceof SqlSelect
        || query.getKind() == SqlKind.ORDER_BY
        || query.getKind() == SqlKind.UNION
        || query.getKind() == SqlKind.INTERSECT
        || query.getKind() == SqlKind.EXCEPT
        || query.getKind() == SqlKind.WITH
        || query.getKind() == SqlKind.VALUES)) {
      throw UnsupportedSqlException.of("LATERAL " + query.getKind(), j.getRight());
    }
    dev.sparkjdbc.proto.LateralJoin.Builder join =
        dev.sparkjdbc.proto.LateralJoin.newBuilder()
            .setLeft(from(j.getLeft()))
            .setRight(from(right));
    switch (j.getJoinType()) {
      case INNER, CROSS, COMMA -> join.setJoinType(Join.JoinType.JOIN_TYPE_INNER);
      case LEFT -> join.setJoinType(Join.JoinType.JOIN_TYPE_LEFT_OUTER);
      default -> throw UnsupportedSqlException.of(j.getJoinType() + " JOIN LATERAL", j);
    }
    if (j.getConditionType() == JoinConditionType.ON) {
      join.setJoinCondition(expressions.translate(j.getCondition()));
    } else if (j.getConditionType() == JoinConditionType.USING) {
      throw UnsupportedSqlException.of("JOIN LATERAL … USING", j);
    }
    return Relation.newBuilder().setLateralJoin(join).build();
  }

  private Map<String, SqlWindow> namedWindows(SqlSelect s) {
    Map<String, SqlWindow> named = new HashMap<>();
    for (SqlNode w : s.getWindowList()) {
      SqlWindow window = (SqlWindow) w;
      if (named.put(key(window.getDeclName().getSimple()), window) != null) {
        throw UnsupportedSqlException.of( // Spark's REPETITIVE_WINDOW_DEFINITION
            "window " + window.getDeclName().getSimple() + " defined twice", window);
      }
    }
    return named;
  }

  SqlWindow namedWindow(SqlIdentifier name) {
    for (Map<String, SqlWindow> scope : windows) {
      SqlWindow w = scope.get(key(name.getSimple()));
      if (w != null) {
        return resolveWindow(w);
      }
    }
    throw UnsupportedSqlException.of("unknown window " + name.getSimple(), name);
  }

  /** A window that refers to a named one ({@code OVER (w ORDER BY …)}) inherits its parts. */
  SqlWindow resolveWindow(SqlWindow w) {
    if (w.getRefName() == null) {
      return w;
    }
    SparkRejects.refinedNamedWindow(w);
    SqlWindow base = namedWindow(w.getRefName());
    return SqlWindow.create(
        null,
        null,
        w.getPartitionList().size() > 0 ? w.getPartitionList() : base.getPartitionList(),
        w.getOrderList().size() > 0 ? w.getOrderList() : base.getOrderList(),
        SqlLiteral.createBoolean(w.isRows() || base.isRows(), w.getParserPosition()),
        w.getLowerBound() != null ? w.getLowerBound() : base.getLowerBound(),
        w.getUpperBound() != null ? w.getUpperBound() : base.getUpperBound(),
        SqlLiteral.createBoolean(false, w.getParserPosition()),
        w.getParserPosition());
  }

  /** A CTE or window name as the session compares names. */
  String key(String name) {
    return session.caseSensitive() ? name : name.toLowerCase(Locale.ROOT);
  }

  /** Finds aggregate calls outside subqueries and window functions. */
  private static final class AggregateFinder extends SqlBasicVisitor<Void> {
    private boolean found;

    static boolean anyAggregate(List<SqlNode> nodes) {
      AggregateFinder f = new AggregateFinder();
      for (SqlNode n : nodes) {
        if (n != null) {
          n.accept(f);
        }
      }
      return f.found;
    }

    @Override
    public Void visit(SqlCall call) {
      switch (call.getKind()) {
        case OVER:
        case SELECT:
        case SCALAR_QUERY:
        case EXISTS:
        case UNION:
        case INTERSECT:
        case EXCEPT:
        case WITH:
        case ORDER_BY:
          return null;
        default:
          break;
      }
      if (FunctionTable.isAggregate(FunctionTable.function(call.getOperator().getName()))
          || call.getOperator().isAggregator()) {
        found = true;
        return null;
      }
      return super.visit(call);
    }
  }
}
