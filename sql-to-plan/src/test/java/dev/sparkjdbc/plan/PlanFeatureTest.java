package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Translations name the plan elements an older server may not understand, and only those. */
class PlanFeatureTest {
  private static final SqlToPlan TRANSLATOR = new SqlToPlan(TranslationConfig.DEFAULT);

  @Test
  void inSubqueryIsNamed() throws Exception {
    Translation t = TRANSLATOR.translate("SELECT a FROM t WHERE a IN (SELECT b FROM u)");
    assertThat(t.isTranslated()).isTrue();
    assertThat(t.features()).containsExactly(PlanFeature.IN_SUBQUERY);
  }

  @Test
  void inListsAndOtherSubqueriesNeedNothingNew() throws Exception {
    assertThat(TRANSLATOR.translate("SELECT a FROM t WHERE a IN (1, 2)").features()).isEmpty();
    assertThat(
            TRANSLATOR
                .translate("SELECT (SELECT max(b) FROM u) FROM t WHERE EXISTS (SELECT 1 FROM u)")
                .features())
        .isEmpty();
  }

  @Test
  void intervalLiteralsWithOtherThanTheDefaultFieldsNeedTheLiteralDataType() throws Exception {
    assertThat(TRANSLATOR.translate("SELECT INTERVAL '3' DAY").features())
        .containsExactly(PlanFeature.LITERAL_DATA_TYPE);
    assertThat(TRANSLATOR.translate("SELECT INTERVAL '2' YEAR").features())
        .containsExactly(PlanFeature.LITERAL_DATA_TYPE);
    assertThat(TRANSLATOR.translate("SELECT INTERVAL '1-2' YEAR TO MONTH").features()).isEmpty();
    assertThat(TRANSLATOR.translate("SELECT INTERVAL '1 02:03:04' DAY TO SECOND").features())
        .isEmpty();
  }

  @Test
  void rollupAndCubeAreNamedAndPlainGroupByIsNot() throws Exception {
    assertThat(TRANSLATOR.translate("SELECT a, count(*) FROM t GROUP BY ROLLUP (a, b)").features())
        .containsExactly(PlanFeature.ROLLUP_CUBE);
    assertThat(TRANSLATOR.translate("SELECT a, count(*) FROM t GROUP BY CUBE (a)").features())
        .containsExactly(PlanFeature.ROLLUP_CUBE);
    assertThat(TRANSLATOR.translate("SELECT a, count(*) FROM t GROUP BY a").features()).isEmpty();
  }

  @Test
  void explainKeepsTheFeaturesOfItsQuery() throws Exception {
    Translation t = TRANSLATOR.translate("EXPLAIN SELECT 1 IN (SELECT 1)");
    assertThat(t.explainMode()).isPresent();
    assertThat(t.features()).containsExactly(PlanFeature.IN_SUBQUERY);
  }

  @Test
  void asTextDropsThePlanAndKeepsTheReason() throws Exception {
    Translation text = TRANSLATOR.translate("SELECT 1 IN (SELECT 1)").asText("old server");
    assertThat(text.isTranslated()).isFalse();
    assertThat(text.isQuery()).isTrue();
    assertThat(text.features()).isEmpty();
    assertThat(text.fallbackReason()).contains("old server");

    Translation explain = TRANSLATOR.translate("EXPLAIN SELECT 1 IN (SELECT 1)").asText("old");
    assertThat(explain.explainMode()).isEmpty();
    assertThat(explain.isQuery()).as("EXPLAIN as text is a command").isFalse();
  }
}
