package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlToPlanModesTest {
  private static final SqlToPlan TRANSLATE = new SqlToPlan(TranslationConfig.DEFAULT);
  private static final SqlToPlan STRICT =
      new SqlToPlan(TranslationConfig.DEFAULT.withMode(TranslationConfig.Mode.STRICT));
  private static final SqlToPlan TEXT =
      new SqlToPlan(TranslationConfig.DEFAULT.withMode(TranslationConfig.Mode.TEXT));

  @Test
  void textModeNeverTranslates() throws Exception {
    Translation t = TEXT.translate("SELECT 1");
    assertThat(t.isTranslated()).isFalse();
    assertThat(t.fallbackReason()).contains("text mode");
  }

  @Test
  void commandsGoAsTextInEveryMode() throws Exception {
    for (SqlToPlan translator : List.of(TRANSLATE, STRICT)) {
      assertThat(translator.translate("CREATE TABLE t (a INT) USING parquet").isTranslated())
          .isFalse();
      assertThat(translator.translate("INSERT INTO t VALUES (1)").isQuery()).isFalse();
      assertThat(translator.translate("SHOW TABLES").isTranslated()).isFalse();
    }
  }

  @Test
  void strictRefusesAnUntranslatableQueryNamingConstructAndPosition() {
    assertThatThrownBy(() -> STRICT.translate("SELECT *\nFROM a NATURAL JOIN b"))
        .isInstanceOf(SqlTranslationException.class)
        .hasMessageContaining("NATURAL JOIN")
        .satisfies(
            e -> {
              SqlTranslationException s = (SqlTranslationException) e;
              assertThat(s.line()).isEqualTo(2);
              assertThat(s.column()).isPositive();
              assertThat(s.isSyntaxError()).isFalse();
            });
  }

  @Test
  void strictReportsAQueryThatDoesNotParseAsASyntaxErrorWithPosition() {
    assertThatThrownBy(() -> STRICT.translate("SELECT a FROM t WHERE"))
        .isInstanceOf(SqlTranslationException.class)
        .satisfies(
            e -> {
              assertThat(((SqlTranslationException) e).isSyntaxError()).isTrue();
              assertThat(((SqlTranslationException) e).line()).isEqualTo(1);
            });
  }

  @Test
  void translateModeFallsBackWithTheReason() throws Exception {
    Translation t = TRANSLATE.translate("SELECT * FROM a NATURAL JOIN b");
    assertThat(t.isTranslated()).isFalse();
    assertThat(t.isQuery()).isTrue();
    assertThat(t.fallbackReason().orElseThrow()).contains("NATURAL JOIN");
  }

  @Test
  void parameterValuesBecomeLiteralsInThePlan() throws Exception {
    Expression value =
        Expression.newBuilder()
            .setLiteral(Expression.Literal.newBuilder().setString("x'); DROP TABLE t; --"))
            .build();
    Relation plan =
        TRANSLATE
            .translate("SELECT * FROM t WHERE name = ?", List.of(value))
            .relation()
            .orElseThrow();
    Expression condition = plan.getProject().getInput().getFilter().getCondition();
    assertThat(condition.getUnresolvedFunction().getArguments(1)).isEqualTo(value);
  }

  @Test
  void aParameterWithoutAValueIsNotTranslated() throws Exception {
    assertThat(TRANSLATE.translate("SELECT * FROM t WHERE a = ?").fallbackReason().orElseThrow())
        .contains("parameter");
  }

  @Test
  void parameterMarkersAreCountedAndRenamedOutsideStringsAndComments() throws Exception {
    String sql = "SELECT ?, '?', `?` -- ?\n, ? /* ? */ FROM t WHERE a = ?";
    assertThat(TRANSLATE.prepare(sql).parameterCount()).isEqualTo(3);
    assertThat(SqlStatement.of(sql, TranslationConfig.Quoting.BACK_TICK).withMarkers(i -> ":p" + i))
        .isEqualTo("SELECT :p1, '?', `?` -- ?\n, :p2 /* ? */ FROM t WHERE a = :p3");
    assertThat(TEXT.prepare("INSERT INTO t VALUES (?, 'a?', ?)").parameterCount()).isEqualTo(2);
  }

  @Test
  void ansiQuotingReadsDoubleQuotedIdentifiers() throws Exception {
    SqlToPlan ansi =
        new SqlToPlan(
            new TranslationConfig(
                TranslationConfig.Quoting.DOUBLE_QUOTE, TranslationConfig.Mode.STRICT));
    Relation plan = ansi.translate("SELECT \"My Col\" FROM \"s\".\"t\"").relation().orElseThrow();
    assertThat(plan.getProject().getExpressions(0).getUnresolvedAttribute().getUnparsedIdentifier())
        .isEqualTo("`My Col`");
    assertThat(plan.getProject().getInput().getRead().getNamedTable().getUnparsedIdentifier())
        .isEqualTo("`s`.`t`");
  }
}
