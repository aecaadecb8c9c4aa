package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL that Calcite's grammar reads but Spark's parser rejects goes as text, so that Spark's error
 * is the answer (the corpora's "answers where Spark errors" cases); the server-side proof is the
 * golden and Spark-syntax corpora in tck-tests.
 */
class SparkRejectsTest {
  private static final SqlToPlan TRANSLATOR = new SqlToPlan(TranslationConfig.DEFAULT);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT CASE a WHEN 1, 2 THEN 'low' ELSE 'high' END FROM t",
        "SELECT CAST(a AS DOUBLE PRECISION) FROM t",
        "SELECT CAST(a AS VARCHAR) FROM t",
        "SELECT CAST(a AS CHAR) FROM t",
        "SELECT ä FROM t",
        "SELECT INTERVAL '100' DAY(3)",
        "SELECT N'abc'",
        "SELECT _UTF8'abc'",
        "SELECT U&'\\0041'",
        "SELECT a FROM t LIMIT 10, 5",
        "SELECT sum(c) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t"
            + " WINDOW w AS (PARTITION BY a ORDER BY d)",
        "SELECT 1e400",
        "SELECT 1_000",
        "SELECT 0x1F",
        "SELECT a FROM t WHERE s LIKE ALL ('%a%', 'F%')",
      })
  void goesAsText(String sql) throws Exception {
    Translation t = TRANSLATOR.translate(sql);
    assertThat(t.isTranslated()).as(sql).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT CASE a WHEN 1 THEN 'one' END FROM t",
        "SELECT CAST(a AS VARCHAR(3)), CAST(a AS DOUBLE) FROM t",
        "SELECT `ä` FROM t",
        "SELECT INTERVAL '100' DAY",
        "SELECT 'abc', r'a\\b', \"x\"",
        "SELECT a, b FROM t ORDER BY a LIMIT 5",
        "SELECT sum(c) OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY d)",
        "SELECT 1e300",
        "SELECT translate('abc', 'ab', 'xy'), CEILING(1.5)",
      })
  void stillTranslates(String sql) throws Exception {
    Translation t = TRANSLATOR.translate(sql);
    assertThat(t.isTranslated()).as(sql + ": " + t.fallbackReason().orElse("")).isTrue();
  }
}
