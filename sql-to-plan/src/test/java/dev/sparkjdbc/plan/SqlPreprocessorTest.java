package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser is given, and the Spark-only syntax that sends a statement as text. */
class SqlPreprocessorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT r'a\\' FROM t|raw string",
        "SELECT R\"a\" FROM t|raw string",
        "SELECT TIMESTAMP_NTZ '2020-01-01 00:00:00'|TIMESTAMP_NTZ",
        "SELECT timestamp_ltz /* c */ '2020-01-01 00:00:00'|TIMESTAMP_NTZ",
        "SELECT 'a''b'|",
        "SELECT 'a' 'b'|",
        "SELECT 'a', 'b'|",
        "SELECT bar'x', ts '1'|",
        "SELECT '{d ''x''}' -- r'y'|",
        "SELECT 'r' 'x'|",
        "SELECT `r`'x'|",
      })
  void sparkOnlySyntaxIsFound(String sql, String reason) {
    String found = SqlPreprocessor.normalise(sql, TranslationConfig.Quoting.BACK_TICK).sparkOnly();
    if (reason == null) {
      assertThat(found).isNull();
    } else {
      assertThat(found).contains(reason);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT 1 ;  ;|SELECT 1",
        "SELECT ';' ; -- done|SELECT ';'",
        "SELECT 1; SELECT 2;|SELECT 1; SELECT 2",
        "SELECT 1 /* c; */|SELECT 1",
      })
  void trailingSemicolonsAndCommentsGo(String sql, String expected) {
    assertThat(SqlPreprocessor.normalise(sql, TranslationConfig.Quoting.BACK_TICK).sql())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT {d '2020-01-01'}|true",
        "SELECT 1 }|true",
        "SELECT '{d 1}', `{`|false",
        "SELECT \"{\"|false",
      })
  void bracesLeftInTheTextAreFound(String sql, boolean braces) {
    assertThat(SqlPreprocessor.normalise(sql, TranslationConfig.Quoting.BACK_TICK).braces())
        .isEqualTo(braces);
    assertThat(SqlPreprocessor.normalise(sql, TranslationConfig.Quoting.DOUBLE_QUOTE).braces())
        .isEqualTo(braces);
  }
}
