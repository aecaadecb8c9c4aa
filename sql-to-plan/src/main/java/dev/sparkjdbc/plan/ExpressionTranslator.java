package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Expression.SortOrder;
import dev.sparkjdbc.proto.Expression.Window.WindowFrame;
import dev.sparkjdbc.proto.SubqueryExpression;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/**
 * SQL expressions to Connect expressions, dispatching on the node's kind. The default case refuses:
 * an expression this class does not know makes the whole statement fall back to text.
 */
final class ExpressionTranslator {
  private final RelationTranslator relations;
  private final List<Expression> parameters;

  /** Parameter names of the lambdas being translated, innermost first. */
  private final Deque<Set<String>> lambdaScopes = new ArrayDeque<>();

  private final String[] lines;

  /** {@code sql} is the text the parser read; literals look at their own spelling in it. */
  ExpressionTranslator(RelationTranslator relations, List<Expression> parameters, String sql) {
    this.relations = relations;
    this.parameters = parameters;
    this.lines = sql.split("\r\n|\r|\n", -1);
  }

  /** The source text of a node, from its parser position; empty when unknown. */
  private String spelling(SqlNode node) {
    org.apache.calcite.sql.parser.SqlParserPos pos = node.getParserPosition();
    int line = pos.getLineNum();
    if (line < 1 || line != pos.getEndLineNum() || line > lines.length) {
      return "";
    }
    String text = lines[line - 1];
    int from = pos.getColumnNum() - 1;
    int to = Math.min(pos.getEndColumnNum(), text.length());
    return from >= 0 && from < to ? text.substring(from, to) : "";
  }

  Expression translate(SqlNode node) {
    if (node instanceof SqlIdentifier id) {
      Optional<Expression> suffixed = SuffixedLiterals.ofIdentifier(id, spelling(id), id);
      if (suffixed.isPresent()) {
        return suffixed.get();
      }
      if (isLambdaVariable(id)) {
        return lambdaVariable(id.getSimple());
      }
      SparkRejects.unquotedNonAscii(id);
      if (id.isSimple() && !id.isComponentQuoted(0)) {
        // Standard SQL's LOCALTIMESTAMP and LOCALTIME, which Spark's parser reads as names
        switch (id.getSimple().toUpperCase(Locale.ROOT)) {
          case "LOCALTIMESTAMP":
            return function("localtimestamp", List.of());
          case "LOCALTIME":
            return function("current_time", List.of());
          default:
            break;
        }
      }
      return identifier(id);
    }
    if (node instanceof SqlLiteral literal) {
      if (literal instanceof org.apache.calcite.sql.SqlCharStringLiteral chars) {
        SparkRejects.stringPrefix(chars, spelling(chars));
      }
      if (literal instanceof org.apache.calcite.sql.SqlNumericLiteral number) {
        SparkRejects.numberSpelling(number, spelling(number));
      }
      if (literal instanceof org.apache.calcite.sql.SqlNumericLiteral n
          && n.isExact()
          && spelling(n).contains(".")) {
        return Literals.exactDecimal(n); // 100. is DECIMAL(3,0) to Spark, not INT
      }
      Expression value = Literals.of(literal);
      if (Literals.typedOnlyByDataType(value)) {
        relations.uses(PlanFeature.LITERAL_DATA_TYPE);
      }
      return value;
    }
    if (node instanceof SqlDynamicParam param) {
      return parameter(param);
    }
    if (node instanceof SqlCall call) {
      return call(call);
    }
    throw UnsupportedSqlException.of(node.getKind() + " expression", node);
  }

  List<Expression> translateAll(List<SqlNode> nodes) {
    List<Expression> out = new ArrayList<>(nodes.size());
    for (SqlNode n : nodes) {
      out.add(translate(n));
    }
    return out;
  }

  private Expression parameter(SqlDynamicParam param) {
    int index = param.getIndex();
    if (index >= parameters.size()) {
      throw UnsupportedSqlException.of("parameter marker ? without a value", param);
    }
    return parameters.get(index);
  }

  static Expression identifier(SqlIdentifier id) {
    if (id.isStar()) {
      Expression.UnresolvedStar.Builder star = Expression.UnresolvedStar.newBuilder();
      if (id.names.size() > 1) {
        star.setUnparsedTarget(Names.quoted(id.names.subList(0, id.names.size() - 1)) + ".*");
      }
      return Expression.newBuilder().setUnresolvedStar(star).build();
    }
    return Expression.newBuilder()
        .setUnresolvedAttribute(
            Expression.UnresolvedAttribute.newBuilder()
                .setUnparsedIdentifier(Names.quoted(id.names)))
        .build();
  }

  private Expression call(SqlCall call) {
    SqlKind kind = call.getKind();
    switch (kind) {
      case AS:
        {
          Optional<Expression> suffixed = suffixedNumber(call);
          if (suffixed.isPresent()) {
            return suffixed.get();
          }
        }
        return alias(translate(call.operand(0)), ((SqlIdentifier) call.operand(1)).getSimple());
      case CAST:
        return cast(call, Expression.Cast.EvalMode.EVAL_MODE_UNSPECIFIED);
      case SAFE_CAST: // TRY_CAST
        return cast(call, Expression.Cast.EvalMode.EVAL_MODE_TRY);
      case CASE:
        return caseWhen((SqlCase) call);
      case NOT_IN:
        return function("not", List.of(in(call)));
      case IN:
        return in(call);
      case EXISTS:
        return subquery(
            call.operand(0), SubqueryExpression.SubqueryType.SUBQUERY_TYPE_EXISTS, List.of());
      case SCALAR_QUERY:
      case SELECT:
      case ORDER_BY:
      case UNION:
      case WITH:
        return subquery(
            kind == SqlKind.SCALAR_QUERY ? call.operand(0) : call,
            SubqueryExpression.SubqueryType.SUBQUERY_TYPE_SCALAR,
            List.of());
      case BETWEEN:
        {
          SqlBetweenOperator between = (SqlBetweenOperator) call.getOperator();
          Expression e;
          if (between.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
            // Spark has no SYMMETRIC: between the bounds in either order, as the standard says
            List<Expression> args = translateAll(call.getOperandList());
            e =
                function(
                    "or",
                    List.of(
                        function("between", args),
                        function("between", List.of(args.get(0), args.get(2), args.get(1)))));
          } else {
            e = function("between", translateAll(call.getOperandList()));
          }
          return between.isNegated() ? function("not", List.of(e)) : e;
        }
      case LIKE:
      case SIMILAR:
        return like(call);
      case NOT_EQUALS: // Spark has no != function; its parser builds NOT (a = b) too
        return function("not", List.of(function("==", translateAll(call.getOperandList()))));
      case IS_DISTINCT_FROM:
        return function("not", List.of(function("<=>", translateAll(call.getOperandList()))));
      case IS_TRUE:
        return function("<=>", List.of(translate(call.operand(0)), bool(true)));
      case IS_FALSE:
        return function("<=>", List.of(translate(call.operand(0)), bool(false)));
      case IS_NOT_TRUE:
        return function(
            "not", List.of(function("<=>", List.of(translate(call.operand(0)), bool(true)))));
      case IS_NOT_FALSE:
        return function(
            "not", List.of(function("<=>", List.of(translate(call.operand(0)), bool(false)))));
      case TRIM:
        return trim(call);
      case EXTRACT:
        return function(
            "extract",
            List.of(Literals.string(extractField(call.operand(0))), translate(call.operand(1))));
      case ITEM:
        return Expression.newBuilder()
            .setUnresolvedExtractValue(
                Expression.UnresolvedExtractValue.newBuilder()
                    .setChild(translate(call.operand(0)))
                    .setExtraction(translate(call.operand(1))))
            .build();
      case OVER:
        return window(call);
      case LAMBDA:
        return lambda((org.apache.calcite.sql.SqlLambda) call);
      case INTERVAL:
        return intervalOfNumber(call);
      case MINUS_PREFIX:
        return negate(call);
      case SOME:
      case ALL:
        return QuantifiedComparisons.translate(
            call, this, relations, call.getKind() == SqlKind.ALL);
      case FILTER:
        return filteredAggregate(call);
      case WITHIN_GROUP:
      case WITHIN_DISTINCT:
      case RESPECT_NULLS:
      case IGNORE_NULLS:
        throw UnsupportedSqlException.of(kind + " on an aggregate", call);
      case TIMESTAMP_ADD:
      case TIMESTAMP_DIFF:
        return timestampArithmetic(call);
      default:
        break;
    }
    Optional<String> operator = FunctionTable.operator(kind);
    if (kind == SqlKind.CEIL && spelling(call).toUpperCase(Locale.ROOT).startsWith("CEILING")) {
      operator = Optional.of("ceiling"); // Spark's label keeps the name: ceiling(x), CEIL(x)
    }
    if (operator.isPresent()) {
      return function(operator.get(), translateAll(call.getOperandList()));
    }
    if (call.getOperator() instanceof org.apache.calcite.sql.SqlUnresolvedFunction f
        && f.getSqlIdentifier() != null
        && f.getSqlIdentifier().names.size() > 1) {
      return QualifiedFunctions.call(
          f.getSqlIdentifier(), call, translateAll(call.getOperandList()));
    }
    if (call instanceof SqlBasicCall
        && call.getOperator().getSyntax() != org.apache.calcite.sql.SqlSyntax.SPECIAL) {
      return namedFunction(call.getOperator().getName(), call);
    }
    throw UnsupportedSqlException.of(kind + " (" + call.getOperator().getName() + ")", call);
  }

  /**
   * {@code 1.5BD}, {@code 2.0D}: Calcite reads a decimal number followed by a letter suffix as the
   * number aliased by the suffix; right next to the number (no blank between), it is Spark's typed
   * literal.
   */
  private Optional<Expression> suffixedNumber(SqlCall as) {
    if (as.operandCount() != 2
        || !(as.operand(0) instanceof SqlNumericLiteral number)
        || !(as.operand(1) instanceof SqlIdentifier suffix)) {
      return Optional.empty();
    }
    org.apache.calcite.sql.parser.SqlParserPos n = number.getParserPosition();
    org.apache.calcite.sql.parser.SqlParserPos a = suffix.getParserPosition();
    String suffixText = spelling(suffix);
    if (n.getEndLineNum() != a.getLineNum()
        || n.getEndColumnNum() + 1 != a.getColumnNum()
        || suffixText.isEmpty()) {
      return Optional.empty();
    }
    Optional<Expression> suffixed =
        Character.isLetter(suffixText.charAt(0))
            ? SuffixedLiterals.of(spelling(number) + suffixText, as)
            : Optional.empty();
    if (suffixed.isEmpty()) {
      // 1_000, 0x1F: one name to Spark's lexer, a number and an alias to Calcite's
      throw UnsupportedSqlException.of(
          "number followed by a name (" + spelling(number) + suffixText + ")", as);
    }
    return suffixed;
  }

  /**
   * Leading arguments of null-ignoring aggregates that a FILTER condition can null out: {@code
   * agg(x) FILTER (WHERE c)} is {@code agg(CASE WHEN c THEN x END)} for these, with the same value
   * for every input, empty ones included. Other arguments are constants (a percentage, a
   * delimiter).
   */
  private static final java.util.Map<String, Integer> FILTERABLE =
      java.util.Map.ofEntries(
          java.util.Map.entry("count", 99),
          java.util.Map.entry("sum", 1),
          java.util.Map.entry("avg", 1),
          java.util.Map.entry("mean", 1),
          java.util.Map.entry("min", 1),
          java.util.Map.entry("max", 1),
          java.util.Map.entry("stddev", 1),
          java.util.Map.entry("stddev_pop", 1),
          java.util.Map.entry("stddev_samp", 1),
          java.util.Map.entry("std", 1),
          java.util.Map.entry("variance", 1),
          java.util.Map.entry("var_pop", 1),
          java.util.Map.entry("var_samp", 1),
          java.util.Map.entry("collect_list", 1),
          java.util.Map.entry("collect_set", 1),
          java.util.Map.entry("array_agg", 1),
          java.util.Map.entry("count_if", 1),
          java.util.Map.entry("bool_and", 1),
          java.util.Map.entry("bool_or", 1),
          java.util.Map.entry("every", 1),
          java.util.Map.entry("approx_count_distinct", 1),
          java.util.Map.entry("median", 1),
          java.util.Map.entry("percentile", 1),
          java.util.Map.entry("percentile_approx", 1),
          java.util.Map.entry("approx_percentile", 1),
          java.util.Map.entry("corr", 2),
          java.util.Map.entry("covar_pop", 2),
          java.util.Map.entry("covar_samp", 2));

  /** Set while an unaliased SELECT item is translated: its label is Spark's to choose. */
  private boolean unaliasedItem;

  /** SELECT items; those without an alias keep Spark's label, which some rewrites cannot. */
  List<Expression> translateItems(List<SqlNode> items) {
    List<Expression> out = new ArrayList<>(items.size());
    for (SqlNode item : items) {
      boolean saved = unaliasedItem;
      unaliasedItem = item.getKind() != SqlKind.AS;
      try {
        out.add(translate(item));
      } finally {
        unaliasedItem = saved;
      }
    }
    return out;
  }

  /**
   * {@code agg(x) FILTER (WHERE c)}: Connect's functions carry no filter, so the condition nulls
   * out the rows it rejects in the aggregate's argument, which is the same for aggregates that
   * ignore nulls. Unaliased in a SELECT list, Spark's label ({@code count(1) FILTER (WHERE …)})
   * could not be kept, so that goes as text.
   */
  private Expression filteredAggregate(SqlCall filter) {
    if (unaliasedItem) {
      throw UnsupportedSqlException.of("unaliased FILTER aggregate (Spark's label)", filter);
    }
    if (!(filter.operand(0) instanceof SqlBasicCall agg)
        || agg.getKind() == SqlKind.OVER
        || !FILTERABLE.containsKey(FunctionTable.function(agg.getOperator().getName()))) {
      throw UnsupportedSqlException.of("FILTER on " + filter.operand(0).getKind(), filter);
    }
    Expression condition = translate(filter.operand(1));
    Expression inner = translate(agg);
    Expression.UnresolvedFunction f = inner.getUnresolvedFunction();
    int wrapped = FILTERABLE.get(f.getFunctionName());
    Expression.UnresolvedFunction.Builder out = f.toBuilder().clearArguments();
    for (int i = 0; i < f.getArgumentsCount(); i++) {
      Expression arg = f.getArguments(i);
      out.addArguments(i < wrapped ? function("when", List.of(condition, arg)) : arg);
    }
    return Expression.newBuilder().setUnresolvedFunction(out).build();
  }

  /** The field as written: Spark's label keeps its spelling ({@code extract(year FROM …)}). */
  private String extractField(SqlNode qualifier) {
    String written = spelling(qualifier);
    String unit = ((SqlIntervalQualifier) qualifier).getStartUnit().name();
    return written.matches("[A-Za-z_]+") ? written : unit;
  }

  /**
   * {@code -x}: Spark's label is {@code (- x)}, which only its parser builds (the function {@code
   * negative} labels itself {@code negative(x)}); for a column name, the translator writes that
   * expression string itself. Other operands keep {@code negative}, whose label differs.
   */
  private Expression negate(SqlCall call) {
    if (call.operand(0) instanceof SqlIdentifier number
        && SuffixedLiterals.isSpelledLikeOne(number, spelling(number))) {
      return SuffixedLiterals.of("-" + spelling(number), call).orElseThrow(); // -1L is a literal
    }
    if (call.operand(0) instanceof SqlIdentifier id
        && !id.isStar()
        && !isLambdaVariable(id)
        && !SuffixedLiterals.isSpelledLikeOne(id, spelling(id))) {
      return Literals.expressionString("- " + Names.quoted(id.names));
    }
    SqlNode interval = call.operand(0);
    if ((interval instanceof org.apache.calcite.sql.SqlIntervalLiteral
            || interval instanceof SqlCall c
                && spelling(c).toUpperCase(Locale.ROOT).startsWith("INTERVAL"))
        && !spelling(interval).isEmpty()) {
      // Spark's label (- INTERVAL '1' DAY) comes only from its parser: an expression string
      translate(interval); // refuses what Spark's parser would not read
      return Literals.expressionString("- " + spelling(interval));
    }
    return function("negative", List.of(translate(call.operand(0))));
  }

  /**
   * {@code timestampadd(DAY, n, ts)} and {@code timestampdiff(unit, a, b)}: Spark's parser takes
   * the unit as a bare keyword only; through Connect, its functions take the unit's name as a
   * string.
   */
  private Expression timestampArithmetic(SqlCall call) {
    if (call.operandCount() != 3 || !(call.operand(0) instanceof SqlIntervalQualifier unit)) {
      throw UnsupportedSqlException.of(call.getKind() + " form", call);
    }
    String text = unit.timeFrameName != null ? unit.timeFrameName : unit.toString();
    String name = text.toUpperCase(Locale.ROOT);
    return switch (name) {
      case "YEAR",
          "QUARTER",
          "MONTH",
          "WEEK",
          "DAY",
          "DAYOFYEAR",
          "HOUR",
          "MINUTE",
          "SECOND",
          "MILLISECOND",
          "MICROSECOND" ->
          function(
              call.getKind() == SqlKind.TIMESTAMP_ADD ? "timestampadd" : "timestampdiff",
              List.of(
                  Literals.string(name), translate(call.operand(1)), translate(call.operand(2))));
      default -> throw UnsupportedSqlException.of("timestamp unit " + text, unit);
    };
  }

  /** {@code INTERVAL 60 DAYS}: Spark's literal; an expression before the unit is not Spark's. */
  private Expression intervalOfNumber(SqlCall call) {
    SqlNode value = call.operand(0);
    int sign = 1;
    if (value.getKind() == SqlKind.MINUS_PREFIX) {
      sign = -1;
      value = ((SqlCall) value).operand(0);
    }
    if (value instanceof SqlNumericLiteral n
        && call.operandCount() == 2
        && call.operand(1) instanceof SqlIntervalQualifier q) {
      return Literals.intervalOfNumber(n, sign, q, call);
    }
    throw UnsupportedSqlException.of("INTERVAL over an expression", call);
  }

  private Expression namedFunction(String sqlName, SqlCall call) {
    if (SparkSyntax.hasLeadingDatetimeUnit(sqlName, call)) {
      throw UnsupportedSqlException.of(sqlName + " with a unit", call);
    }
    String name = FunctionTable.function(sqlName);
    boolean distinct =
        call.getFunctionQuantifier() != null
            && call.getFunctionQuantifier().getValue() == SqlSelectKeyword.DISTINCT;
    List<SqlNode> operands = call.getOperandList();
    if (name.equals("count")
        && operands.size() == 1
        && operands.get(0) instanceof SqlIdentifier star
        && star.isStar()) {
      // COUNT(*) is count(1) to Spark's parser too; a star argument fails in sort keys
      return Expression.newBuilder()
          .setUnresolvedFunction(
              Expression.UnresolvedFunction.newBuilder()
                  .setFunctionName(name)
                  .addArguments(Literals.integer(1)))
          .build();
    }
    return Expression.newBuilder()
        .setUnresolvedFunction(
            Expression.UnresolvedFunction.newBuilder()
                .setFunctionName(name)
                .addAllArguments(translateAll(operands))
                .setIsDistinct(distinct))
        .build();
  }

  private boolean isLambdaVariable(SqlIdentifier id) {
    if (!id.isSimple()) {
      return false;
    }
    String name = id.getSimple().toLowerCase(Locale.ROOT);
    return lambdaScopes.stream().anyMatch(scope -> scope.contains(name));
  }

  private static Expression lambdaVariable(String name) {
    return Expression.newBuilder()
        .setUnresolvedNamedLambdaVariable(
            Expression.UnresolvedNamedLambdaVariable.newBuilder().addNameParts(name))
        .build();
  }

  /** {@code x -> x + 1}: the body's references to the parameters become lambda variables. */
  private Expression lambda(org.apache.calcite.sql.SqlLambda lambda) {
    Expression.LambdaFunction.Builder out = Expression.LambdaFunction.newBuilder();
    Set<String> names = new HashSet<>();
    for (SqlNode p : lambda.getParameters()) {
      String name = ((SqlIdentifier) p).getSimple();
      names.add(name.toLowerCase(Locale.ROOT));
      out.addArguments(Expression.UnresolvedNamedLambdaVariable.newBuilder().addNameParts(name));
    }
    lambdaScopes.push(names);
    try {
      out.setFunction(translate(lambda.getExpression()));
    } finally {
      lambdaScopes.pop();
    }
    return Expression.newBuilder().setLambdaFunction(out).build();
  }

  static Expression function(String name, List<Expression> arguments) {
    return Expression.newBuilder()
        .setUnresolvedFunction(
            Expression.UnresolvedFunction.newBuilder()
                .setFunctionName(name)
                .addAllArguments(arguments))
        .build();
  }

  static Expression alias(Expression expr, String name) {
    return Expression.newBuilder()
        .setAlias(Expression.Alias.newBuilder().setExpr(expr).addName(name))
        .build();
  }

  private static Expression bool(boolean value) {
    return Expression.newBuilder()
        .setLiteral(Expression.Literal.newBuilder().setBoolean(value))
        .build();
  }

  private Expression cast(SqlCall call, Expression.Cast.EvalMode mode) {
    SqlNode type = call.operand(1);
    if (!(type instanceof SqlDataTypeSpec spec)) {
      throw UnsupportedSqlException.of(
          "CAST to "
              + (type instanceof SqlIntervalQualifier q
                  ? "INTERVAL " + q.timeUnitRange
                  : type.getKind().toString()),
          call);
    }
    org.apache.calcite.sql.SqlTypeNameSpec name = spec.getTypeNameSpec();
    SparkRejects.typeSpelling(
        spec,
        org.apache.calcite.sql.type.SqlTypeName.get(
            name.getTypeName().getSimple().toUpperCase(Locale.ROOT)),
        name instanceof org.apache.calcite.sql.SqlBasicTypeNameSpec basic
            && basic.getPrecision() >= 0,
        spelling(spec));
    return Expression.newBuilder()
        .setCast(
            Expression.Cast.newBuilder()
                .setExpr(translate(call.operand(0)))
                .setTypeStr(SparkTypes.typeString(spec))
                .setEvalMode(mode))
        .build();
  }

  private Expression caseWhen(SqlCase c) {
    List<Expression> args = new ArrayList<>();
    SqlNode value = c.getValueOperand();
    SparkRejects.caseWhenList(c, spelling(c));
    for (int i = 0; i < c.getWhenOperands().size(); i++) {
      SqlNode when = c.getWhenOperands().get(i);
      Expression condition =
          value == null
              ? translate(when)
              : function("==", List.of(translate(value), translate(when)));
      args.add(condition);
      args.add(translate(c.getThenOperands().get(i)));
    }
    SqlNode otherwise = c.getElseOperand();
    // The parser adds ELSE NULL to a CASE without ELSE; Spark's label shows no ELSE then.
    boolean implicitElse =
        otherwise != null
            && SqlUtil.isNullLiteral(otherwise, false)
            && otherwise.getParserPosition().equals(c.getParserPosition());
    if (otherwise != null && !implicitElse) {
      args.add(translate(otherwise));
    }
    return function("when", args);
  }

  private Expression in(SqlCall call) {
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    List<Expression> values =
        left instanceof SqlNodeList row
            ? translateAll(row.getList())
            : left.getKind() == SqlKind.ROW
                ? translateAll(((SqlCall) left).getOperandList())
                : List.of(translate(left));
    if (right instanceof SqlNodeList list) {
      if (values.size() != 1) {
        throw UnsupportedSqlException.of("row value IN list", call);
      }
      List<Expression> args = new ArrayList<>(values);
      args.addAll(translateAll(list.getList()));
      return function("in", args);
    }
    return inSubquery(right, values);
  }

  /** {@code values IN (query)}. */
  Expression inSubquery(SqlNode query, List<Expression> values) {
    relations.uses(PlanFeature.IN_SUBQUERY);
    return subquery(query, SubqueryExpression.SubqueryType.SUBQUERY_TYPE_IN, values);
  }

  private Expression subquery(
      SqlNode query, SubqueryExpression.SubqueryType type, List<Expression> inValues) {
    long planId = relations.reference(query);
    return Expression.newBuilder()
        .setSubqueryExpression(
            SubqueryExpression.newBuilder()
                .setPlanId(planId)
                .setSubqueryType(type)
                .addAllInSubqueryValues(inValues))
        .build();
  }

  private Expression like(SqlCall call) {
    if (SparkRejects.quantifiedLike(call.operand(1))) {
      // Spark's quantified LIKE ANY/ALL/SOME (…), not a comparison with a function of that name
      throw UnsupportedSqlException.of("LIKE ANY/ALL/SOME", call);
    }
    List<Expression> args = translateAll(call.getOperandList());
    String operator = call.getOperator().getName().toUpperCase(Locale.ROOT);
    boolean negated = operator.startsWith("NOT");
    if (operator.contains("SIMILAR")) {
      Expression similar =
          function(
              "rlike",
              List.of(
                  args.get(0),
                  Literals.string(
                      SimilarTo.regex(
                          call.operand(1), call.operandCount() > 2 ? call.operand(2) : null))));
      return negated ? function("not", List.of(similar)) : similar;
    }
    if (operator.contains("RLIKE")) {
      throw UnsupportedSqlException.of(operator, call);
    }
    Expression like = function(operator.contains("ILIKE") ? "ilike" : "like", args);
    return negated ? function("not", List.of(like)) : like;
  }

  private Expression trim(SqlCall call) {
    SqlTrimFunction.Flag flag =
        ((SqlLiteral) call.operand(0)).getValueAs(SqlTrimFunction.Flag.class);
    String name =
        switch (flag) {
          case BOTH -> "trim";
          case LEADING -> "ltrim";
          case TRAILING -> "rtrim";
        };
    SqlNode chars = call.operand(1);
    Expression source = translate(call.operand(2));
    if (chars instanceof org.apache.calcite.sql.SqlCharStringLiteral s
        && " ".equals(s.getValueAs(String.class))) {
      return function(name, List.of(source));
    }
    return function(name, List.of(translate(chars), source));
  }

  private Expression window(SqlCall over) {
    Expression function = translate(over.operand(0));
    SqlNode spec = over.operand(1);
    SqlWindow window =
        spec instanceof SqlWindow w
            ? relations.resolveWindow(w)
            : relations.namedWindow((SqlIdentifier) spec);
    Expression.Window.Builder out = Expression.Window.newBuilder().setWindowFunction(function);
    for (SqlNode p : window.getPartitionList()) {
      out.addPartitionSpec(translate(p));
    }
    for (SqlNode o : window.getOrderList()) {
      out.addOrderSpec(sortOrder(o));
    }
    if (SqlWindow.isUnboundedFollowing(window.getLowerBound())
        || SqlWindow.isUnboundedPreceding(window.getUpperBound())) {
      // Connect marks a bound only "unbounded", by its side: Spark's error needs the text
      throw UnsupportedSqlException.of("window frame bound on the wrong side", over);
    }
    if (window.getLowerBound() != null || window.getUpperBound() != null) {
      out.setFrameSpec(
          WindowFrame.newBuilder()
              .setFrameType(
                  window.isRows()
                      ? WindowFrame.FrameType.FRAME_TYPE_ROW
                      : WindowFrame.FrameType.FRAME_TYPE_RANGE)
              .setLower(boundary(window.getLowerBound(), !window.isRows()))
              .setUpper(
                  boundary(
                      window.getUpperBound() == null
                          ? SqlWindow.createCurrentRow(
                              org.apache.calcite.sql.parser.SqlParserPos.ZERO)
                          : window.getUpperBound(),
                      !window.isRows())));
    }
    return Expression.newBuilder().setWindow(out).build();
  }

  private WindowFrame.FrameBoundary boundary(SqlNode bound, boolean range) {
    WindowFrame.FrameBoundary.Builder b = WindowFrame.FrameBoundary.newBuilder();
    if (SqlWindow.isCurrentRow(bound)) {
      return b.setCurrentRow(true).build();
    }
    if (SqlWindow.isUnboundedPreceding(bound) || SqlWindow.isUnboundedFollowing(bound)) {
      return b.setUnbounded(true).build();
    }
    SqlCall call = (SqlCall) bound;
    Expression offset = translate(call.operand(0));
    if (call.getKind() == SqlKind.PRECEDING) {
      String literal =
          call.operand(0) instanceof SqlNumericLiteral
                  || call.operand(0) instanceof SqlIntervalLiteral
              ? spelling(call.operand(0))
              : "";
      // A RANGE frame's label shows Spark's (- n) FOLLOWING, which only its parser builds: from
      // the literal as written, as an expression string. ROWS frames label the plain offset.
      offset =
          range && !literal.isEmpty()
              ? Literals.expressionString("-(" + literal + ")")
              : function("negative", List.of(offset));
    }
    return b.setValue(offset).build();
  }

  /** ORDER BY items: direction and null ordering always explicit (unset means DESC to Spark). */
  SortOrder sortOrder(SqlNode item) {
    boolean descending = false;
    Boolean nullsFirst = null;
    SqlNode node = item;
    while (node instanceof SqlCall call) {
      if (call.getKind() == SqlKind.DESCENDING) {
        descending = true;
      } else if (call.getKind() == SqlKind.NULLS_FIRST) {
        nullsFirst = true;
      } else if (call.getKind() == SqlKind.NULLS_LAST) {
        nullsFirst = false;
      } else {
        break;
      }
      node = call.operand(0);
    }
    boolean first = nullsFirst != null ? nullsFirst : !descending;
    return SortOrder.newBuilder()
        .setChild(translate(node))
        .setDirection(
            descending
                ? SortOrder.SortDirection.SORT_DIRECTION_DESCENDING
                : SortOrder.SortDirection.SORT_DIRECTION_ASCENDING)
        .setNullOrdering(
            first
                ? SortOrder.NullOrdering.SORT_NULLS_FIRST
                : SortOrder.NullOrdering.SORT_NULLS_LAST)
        .build();
  }
}
