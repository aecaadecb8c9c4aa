package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.sparkjdbc.plan.parser.SparkSqlParserImpl;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/**
 * Spark-only syntax that the generated Spark grammar (src/main/codegen) reads: each statement
 * translates instead of going as text, to the plan shape Spark's own parser builds. The values are
 * compared with Spark's by tck-tests' FeatureDifferentialTest (features/grammar).
 */
class SparkGrammarTest {
  private static final SqlToPlan TRANSLATOR = new SqlToPlan(TranslationConfig.DEFAULT);

  private static String plan(String sql) throws Exception {
    Translation t = TRANSLATOR.translate(sql);
    assertThat(t.isTranslated()).as("%s: %s", sql, t.fallbackReason().orElse("")).isTrue();
    return TextFormat.printer().printToString(t.relation().orElseThrow());
  }

  private static Expression firstExpression(String sql) throws Exception {
    Translation t = TRANSLATOR.translate(sql);
    assertThat(t.isTranslated()).as("%s: %s", sql, t.fallbackReason().orElse("")).isTrue();
    Relation r = t.relation().orElseThrow();
    return r.getProject().getExpressions(0);
  }

  @Test
  void tableValuedFunctionsWithoutTable() throws Exception {
    String range = plan("SELECT abs(id - 5), id DIV 2 FROM range(3)");
    assertThat(range)
        .contains("unresolved_table_valued_function {\n      function_name: \"range\"")
        .contains("function_name: \"div\"");
    assertThat(plan("SELECT * FROM range(1, 10, 2)")).contains("function_name: \"range\"");
    assertThat(plan("SELECT c FROM explode(array(1, 2)) AS t(c)"))
        .contains("function_name: \"explode\"")
        .contains("column_names: \"c\"");
    // TABLE(f(…)) is Calcite's syntax, which Spark does not parse: text
    assertThat(TRANSLATOR.translate("SELECT * FROM TABLE(my_func(1))").isTranslated()).isFalse();
  }

  @Test
  void rangeStaysAWindowFrameKeyword() throws Exception {
    assertThat(
            plan(
                "SELECT sum(a) OVER (ORDER BY a RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"))
        .contains("FRAME_TYPE_RANGE");
  }

  @Test
  void integerDivisionBindsLikeMultiplication() throws Exception {
    // a + b DIV c is a + (b DIV c); a DIV b * c is (a DIV b) * c
    Expression sum = firstExpression("SELECT a + b DIV c FROM t");
    assertThat(sum.getUnresolvedFunction().getFunctionName()).isEqualTo("+");
    assertThat(
            sum.getUnresolvedFunction().getArguments(1).getUnresolvedFunction().getFunctionName())
        .isEqualTo("div");
    Expression product = firstExpression("SELECT a DIV b * c FROM t");
    assertThat(product.getUnresolvedFunction().getFunctionName()).isEqualTo("*");
    assertThat(
            product
                .getUnresolvedFunction()
                .getArguments(0)
                .getUnresolvedFunction()
                .getFunctionName())
        .isEqualTo("div");
    // still a column name
    assertThat(plan("SELECT div FROM t")).contains("unparsed_identifier: \"`div`\"");
  }

  @Test
  void sparkStringLiterals() throws Exception {
    assertThat(firstExpression("SELECT 'it\\'s'").getLiteral().getString()).isEqualTo("it's");
    assertThat(firstExpression("SELECT 'a\\\\b'").getLiteral().getString()).isEqualTo("a\\b");
    assertThat(firstExpression("SELECT \"dq\\\"s\"").getLiteral().getString()).isEqualTo("dq\"s");
  }

  /**
   * Raw strings parse to literals whose value survives the translator's unescaping. (SqlToPlan
   * still sends statements with raw strings as text: its preprocessor flags them before parsing.)
   */
  @Test
  void rawStrings() throws Exception {
    SqlParser.Config config =
        SqlParser.config()
            .withParserFactory(SparkSqlParserImpl.FACTORY)
            .withQuoting(Quoting.BACK_TICK);
    SqlSelect select =
        (SqlSelect) SqlParser.create("SELECT r'a\\nb', R\"c\\'d\"", config).parseQuery();
    assertThat(Literals.of((SqlLiteral) select.getSelectList().get(0)).getLiteral().getString())
        .isEqualTo("a\\nb");
    assertThat(Literals.of((SqlLiteral) select.getSelectList().get(1)).getLiteral().getString())
        .isEqualTo("c\\'d");
  }

  /** Likewise TIMESTAMP_NTZ '…' literals, which the preprocessor still flags. */
  @Test
  void timestampNtzLiterals() throws Exception {
    SqlParser.Config config =
        SqlParser.config()
            .withParserFactory(SparkSqlParserImpl.FACTORY)
            .withQuoting(Quoting.BACK_TICK);
    SqlSelect select =
        (SqlSelect)
            SqlParser.create(
                    "SELECT TIMESTAMP_NTZ '2024-01-02 03:04:05', timestamp_ltz '2024-01-02"
                        + " 03:04:05', timestamp_ntz FROM t",
                    config)
                .parseQuery();
    Expression ntz = Literals.of((SqlLiteral) select.getSelectList().get(0));
    // as Spark's own parser reads it, so that the session time zone and Spark's label apply
    assertThat(ntz.getExpressionString().getExpression())
        .isEqualTo("TIMESTAMP_NTZ '2024-01-02 03:04:05'");
    Expression ltz = Literals.of((SqlLiteral) select.getSelectList().get(1));
    assertThat(ltz.getExpressionString().getExpression())
        .isEqualTo("TIMESTAMP_LTZ '2024-01-02 03:04:05'");
    // still a column name, and a type name
    assertThat(select.getSelectList().get(2).toString()).isEqualToIgnoringCase("timestamp_ntz");
    assertThat(plan("SELECT CAST(a AS TIMESTAMP_NTZ) FROM t"))
        .containsIgnoringCase("timestamp_ntz");
  }

  @Test
  void groupByAllAndOrderByAll() throws Exception {
    // parsed, but GROUP BY ALL goes as text (see SparkSyntax.refuseAllInAggregate)
    Translation grouped = TRANSLATOR.translate("SELECT a, sum(b) FROM t GROUP BY ALL");
    assertThat(grouped.isTranslated()).isFalse();
    assertThat(grouped.fallbackReason().orElseThrow()).isEqualTo("GROUP BY ALL");
    assertThat(
            TRANSLATOR
                .translate("SELECT a, sum(b) FROM t GROUP BY a ORDER BY ALL")
                .fallbackReason()
                .orElseThrow())
        .isEqualTo("ORDER BY ALL in an aggregate query");
    Relation ordered =
        TRANSLATOR.translate("SELECT a, b FROM t ORDER BY ALL DESC").relation().orElseThrow();
    Expression.SortOrder key = ordered.getSort().getOrder(0);
    assertThat(key.getChild().getUnresolvedAttribute().getUnparsedIdentifier()).isEqualTo("`ALL`");
    assertThat(key.getDirection())
        .isEqualTo(Expression.SortOrder.SortDirection.SORT_DIRECTION_DESCENDING);
    // ALL before a list is still the quantifier
    assertThat(plan("SELECT a FROM t GROUP BY ALL a")).doesNotContain("`ALL`");
  }

  @Test
  void tableSample() throws Exception {
    Relation percent =
        TRANSLATOR
            .translate("SELECT * FROM t TABLESAMPLE (10 PERCENT) REPEATABLE (42)")
            .relation()
            .orElseThrow()
            .getProject()
            .getInput();
    assertThat(percent.getSample().getUpperBound()).isEqualTo(0.1);
    assertThat(percent.getSample().getSeed()).isEqualTo(42L);
    assertThat(percent.getSample().getInput().hasRead()).isTrue();
    Relation bucket =
        TRANSLATOR
            .translate("SELECT * FROM t TABLESAMPLE (BUCKET 1 OUT OF 4)")
            .relation()
            .orElseThrow()
            .getProject()
            .getInput();
    assertThat(bucket.getSample().getUpperBound()).isEqualTo(0.25);
    assertThat(bucket.getSample().hasSeed()).isFalse();
    Relation rows =
        TRANSLATOR
            .translate("SELECT * FROM t TABLESAMPLE (5 ROWS)")
            .relation()
            .orElseThrow()
            .getProject()
            .getInput();
    assertThat(rows.getLimit().getLimit()).isEqualTo(5);
    // what Spark's parser rejects goes as text
    assertThat(TRANSLATOR.translate("SELECT * FROM t TABLESAMPLE (150 PERCENT)").isTranslated())
        .isFalse();
    assertThat(TRANSLATOR.translate("SELECT * FROM t AS x TABLESAMPLE (5 ROWS)").isTranslated())
        .isFalse();
    assertThat(TRANSLATOR.translate("SELECT * FROM t TABLESAMPLE BERNOULLI (50)").isTranslated())
        .isFalse();
  }

  @Test
  void semiAndAntiJoinsWithoutLeft() throws Exception {
    // SEMI is no table alias: this is a semi join, as in Spark
    Relation semi =
        TRANSLATOR
            .translate("SELECT a FROM t SEMI JOIN u ON t.a = u.a")
            .relation()
            .orElseThrow()
            .getProject()
            .getInput();
    assertThat(semi.getJoin().getJoinType())
        .isEqualTo(dev.sparkjdbc.proto.Join.JoinType.JOIN_TYPE_LEFT_SEMI);
    Relation anti =
        TRANSLATOR
            .translate("SELECT a FROM t LEFT ANTI JOIN u ON t.a = u.a")
            .relation()
            .orElseThrow()
            .getProject()
            .getInput();
    assertThat(anti.getJoin().getJoinType())
        .isEqualTo(dev.sparkjdbc.proto.Join.JoinType.JOIN_TYPE_LEFT_ANTI);
  }

  @Test
  void datetimeCallsWithALeadingUnitGoAsText() throws Exception {
    assertThat(TRANSLATOR.translate("SELECT datediff(DAY, a, b) FROM t").isTranslated()).isFalse();
    assertThat(TRANSLATOR.translate("SELECT dateadd(MONTH, 1, a) FROM t").isTranslated()).isFalse();
    assertThat(TRANSLATOR.translate("SELECT datediff(a, b) FROM t").isTranslated()).isTrue();
  }

  @Test
  void ansiQuotingKeepsDoubleQuotesForIdentifiers() throws Exception {
    SqlToPlan ansi =
        new SqlToPlan(
            new TranslationConfig(
                TranslationConfig.Quoting.DOUBLE_QUOTE, TranslationConfig.Mode.TRANSLATE));
    Translation t = ansi.translate("SELECT \"abc\" FROM t");
    assertThat(t.isTranslated()).isTrue();
    assertThat(t.relation().orElseThrow().getProject().getExpressions(0).hasUnresolvedAttribute())
        .isTrue();
  }

  @Test
  void anyAggregate() throws Exception {
    String p = plan("SELECT any(b) FROM t");
    assertThat(p).contains("aggregate {").contains("function_name: \"any\"");
    // quantified comparisons are not misread as the aggregate
    assertThat(TRANSLATOR.translate("SELECT a FROM t WHERE s LIKE ANY ('a%', 'b%')").isTranslated())
        .isFalse(); // Spark's LIKE ANY goes as text
    assertThat(plan("SELECT a FROM t WHERE a = ANY (SELECT b FROM u)"))
        .doesNotContain("function_name: \"any\"");
  }

  @Test
  void hints() throws Exception {
    Translation t =
        TRANSLATOR.translate(
            "SELECT /*+ BROADCAST(u), REPARTITION(4) */ t.a FROM t JOIN u ON t.a = u.a");
    assertThat(t.isTranslated()).isTrue();
    // the first hint outermost, as Spark's parser nests them
    Relation outer = t.relation().orElseThrow();
    assertThat(outer.getHint().getName()).isEqualTo("BROADCAST");
    assertThat(outer.getHint().getParameters(0).getUnresolvedAttribute().getUnparsedIdentifier())
        .isEqualTo("`u`");
    Relation inner = outer.getHint().getInput();
    assertThat(inner.getHint().getName()).isEqualTo("REPARTITION");
    assertThat(inner.getHint().getParameters(0).getLiteral().getInteger()).isEqualTo(4);
    assertThat(inner.getHint().getInput().hasProject()).isTrue();
    assertThat(
            TRANSLATOR.translate("SELECT /*+ REPARTITION(4) */ a FROM t ORDER BY a").isTranslated())
        .isFalse();
  }

  @Test
  void qualifiedFunctionNames() throws Exception {
    Expression e = firstExpression("SELECT system.builtin.abs(-1)");
    assertThat(e.getUnresolvedFunction().getFunctionName()).isEqualTo("`system`.`builtin`.`abs`");
    assertThat(e.getUnresolvedFunction().getIsUserDefinedFunction()).isTrue();
  }

  @Test
  void twoArgumentDatediffAndLambdas() throws Exception {
    Expression e = firstExpression("SELECT datediff(DATE '2024-01-10', DATE '2024-01-01')");
    assertThat(e.getUnresolvedFunction().getFunctionName()).isEqualTo("datediff");
    assertThat(e.getUnresolvedFunction().getArgumentsCount()).isEqualTo(2);
    assertThat(plan("SELECT transform(array(1, 2), x -> x + 1)")).contains("lambda_function");
    assertThat(plan("SELECT exists(array(1, 2), x -> x > 1)"))
        .contains("function_name: \"exists\"")
        .contains("lambda_function");
  }

  @Test
  void offsetFetch() throws Exception {
    assertThat(plan("SELECT id FROM range(20) ORDER BY id OFFSET 5 ROWS FETCH NEXT 3 ROWS ONLY"))
        .contains("offset: 5")
        .contains("limit: 3");
  }
}
