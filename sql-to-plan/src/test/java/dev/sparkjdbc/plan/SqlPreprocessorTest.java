package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the parser is given: trailing semicolons and comments gone, braces found. */
class SqlPreprocessorTest {

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
