package dev.sparkjdbc.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JDBC search patterns, as DatabaseMetaData's javadoc defines them, on Spark's folded names. */
class JdbcPatternTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%|anything|true",
        "%|''|true",
        "t%|table_1|true",
        "t%|xtable|false",
        "_|a|true",
        "_|ab|false",
        "a_c|abc|true",
        "a_c|ac|false",
        "ORDERS|orders|true", // Spark folds unquoted names: matching ignores case
        "a\\_b|a_b|true", // the escape makes _ a plain character
        "a\\_b|axb|false",
        "a\\%|a%|true",
        "a\\%|abc|false",
        "a\\\\b|a\\b|true", // an escaped escape is one backslash
        "a.b|a.b|true", // regex characters are plain
        "a.b|axb|false",
        "(x)|(x)|true",
        "x$|x$|true",
      })
  void matchesAsTheSpecificationSays(String pattern, String name, boolean matches) {
    assertThat(JdbcPattern.of(pattern).test(name)).isEqualTo(matches);
  }

  @Test
  void nullMatchesEverythingButNoNameIsNull() {
    assertThat(JdbcPattern.of(null).test("x")).isTrue();
    assertThat(JdbcPattern.of("x").test(null)).isFalse();
  }

  /** A character outside the BMP is one character for '_', as Spark counts it. */
  @Test
  void supplementaryCharactersAreOneCharacter() {
    Predicate<String> p = JdbcPattern.of("col_");
    assertThat(p.test("col\uD83D\uDE00")).isTrue();
    assertThat(JdbcPattern.of("\uD83D\uDE00%").test("\uD83D\uDE00x")).isTrue();
  }

  @Test
  void literalIsTheNameOnlyWithoutWildcards() {
    assertThat(JdbcPattern.literal("orders")).isEqualTo("orders");
    assertThat(JdbcPattern.literal("a\\_b")).isEqualTo("a_b");
    assertThat(JdbcPattern.literal("a_b")).isNull();
    assertThat(JdbcPattern.literal("a%")).isNull();
    assertThat(JdbcPattern.literal(null)).isNull();
  }
}
