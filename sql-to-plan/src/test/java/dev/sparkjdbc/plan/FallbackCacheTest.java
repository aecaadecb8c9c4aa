package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A statement known to go as text is not parsed again; what the server rejected stays text. */
class FallbackCacheTest {
  /** Delta time travel: Spark syntax Calcite's grammar does not take. */
  private static final String UNPARSED = "SELECT * FROM t VERSION AS OF 1";

  @Test
  void aRepeatedFallbackIsAnsweredFromTheCache() throws Exception {
    SqlToPlan translator = new SqlToPlan(TranslationConfig.DEFAULT);
    PreparedQuery first = translator.prepare(UNPARSED);
    assertThat(first.bind(java.util.List.of()).isTranslated()).isFalse();
    assertThat(translator.prepare(UNPARSED)).isSameAs(first);
    assertThat(translator.prepare(UNPARSED + " ")).isNotSameAs(first);
  }

  @Test
  void commandsFallBackWithoutAParse() throws Exception {
    SqlToPlan translator = new SqlToPlan(TranslationConfig.DEFAULT);
    Translation t = translator.translate("INSERT INTO t VALUES (1, 'a')");
    assertThat(t.isTranslated()).isFalse();
    assertThat(t.isQuery()).isFalse();
    assertThat(t.fallbackReason()).contains("INSERT statement");
    assertThat(translator.translate("/* c */ create table t (a int)").fallbackReason())
        .contains("CREATE statement");
    assertThat(translator.translate("  ").fallbackReason()).contains("empty statement");
  }

  @Test
  void aRejectedPlanGoesAsTextFromThenOnOnlyOnThatConnection() throws Exception {
    SqlToPlan translator = new SqlToPlan(TranslationConfig.DEFAULT);
    SqlToPlan other = new SqlToPlan(TranslationConfig.DEFAULT);
    String sql = "SELECT 1 AS x";
    assertThat(translator.translate(sql).isTranslated()).isTrue();

    translator.rememberRejected(sql, "the server rejected the translated plan: boom");

    Translation t = translator.translate(sql);
    assertThat(t.isTranslated()).isFalse();
    assertThat(t.isQuery()).isTrue();
    assertThat(t.fallbackReason().orElseThrow()).contains("boom");
    assertThat(translator.translate("SELECT 2 AS x").isTranslated()).isTrue();
    assertThat(other.translate(sql).isTranslated()).isTrue();
  }

  @Test
  void theCacheIsBounded() {
    FallbackCache cache = new FallbackCache(3);
    PreparedQuery q =
        PreparedQuery.fixed(
            Translation.fallback("x", false), "x", TranslationConfig.Quoting.BACK_TICK);
    for (int i = 0; i < 10; i++) {
      cache.put("s" + i, q);
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.get("s9")).isSameAs(q);
    assertThat(cache.get("s0")).isNull();
  }
}
