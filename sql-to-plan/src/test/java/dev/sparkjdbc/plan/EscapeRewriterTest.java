package dev.sparkjdbc.plan;

import static dev.sparkjdbc.plan.TranslationConfig.Quoting.BACK_TICK;
import static dev.sparkjdbc.plan.TranslationConfig.Quoting.DOUBLE_QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JDBC escapes (JDBC 4.3 §13.4) as Spark SQL. Function names here are ones {@link JdbcFunctions}
 * does not rename, so the expected text is the call as written, lower-cased.
 */
class EscapeRewriterTest {

  private static String rewrite(String sql) throws SqlTranslationException {
    return EscapeRewriter.rewrite(sql, BACK_TICK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT {d '2020-02-29'}|SELECT DATE '2020-02-29'",
        "SELECT {D'2020-02-29'}|SELECT DATE '2020-02-29'",
        "SELECT { ts '2020-02-29 10:11:12'}|SELECT TIMESTAMP '2020-02-29 10:11:12'",
        "SELECT {t '10:11:12'}|SELECT CAST('10:11:12' AS TIME)",
        "SELECT * FROM {oj a LEFT JOIN b ON a.k = b.k}|SELECT * FROM  a LEFT JOIN b ON a.k = b.k",
        "SELECT * FROM {oj a LEFT JOIN b ON a.k = b.k}WHERE 1=1"
            + "|SELECT * FROM  a LEFT JOIN b ON a.k = b.k WHERE 1=1",
        "SELECT s FROM t WHERE s LIKE 'a\\_%' {escape '\\'}"
            + "|SELECT s FROM t WHERE s LIKE 'a\\_%' ESCAPE '\\\\'",
        "SELECT s FROM t WHERE s LIKE 'a!_%' {ESCAPE '!'}|SELECT s FROM t WHERE s LIKE 'a!_%'"
            + " ESCAPE '!'",
        "SELECT s FROM t WHERE s LIKE 'a%' {escape ''''}|SELECT s FROM t WHERE s LIKE 'a%' ESCAPE"
            + " '\\''",
        "SELECT id FROM t ORDER BY id {limit 3}|SELECT id FROM t ORDER BY id LIMIT 3",
        "SELECT id FROM t ORDER BY id {LIMIT 3 OFFSET 5}|SELECT id FROM t ORDER BY id LIMIT 3"
            + " OFFSET 5",
        "SELECT {fn ABS(id - 5)}, id DIV 2 FROM range(3)|SELECT abs((id - 5)), id DIV 2 FROM"
            + " range(3)",
        "SELECT {fn NOW()}|SELECT current_timestamp()",
        "SELECT {fn concat( 'a,b' , substr(s, 1, 2) )}|SELECT concat(('a,b'), (substr(s, 1, 2)))",
        "SELECT {fn UCASE({fn LCASE('X')})}|SELECT upper((lower(('X'))))",
        "SELECT{d '2020-01-01'}|SELECT DATE '2020-01-01'",
        "SELECT 1-{fn f(1)}|SELECT 1-f(1)",
        "INSERT INTO t VALUES (?, {d '2020-01-01'}, ?)|INSERT INTO t VALUES (?, DATE '2020-01-01',"
            + " ?)",
        "SELECT {fn year({d '2020-01-01'})} FROM {oj a LEFT JOIN b ON {fn abs(a.k)} = b.k}"
            + "|SELECT year((DATE '2020-01-01')) FROM  a LEFT JOIN b ON abs((a.k)) = b.k",
      })
  void escapesBecomeSparkSql(String sql, String expected) throws SqlTranslationException {
    assertThat(rewrite(sql.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @Test
  void functionArgumentsSplitAtTopLevelCommasWithoutComments() throws SqlTranslationException {
    assertThat(rewrite("SELECT {fn f(a -- c\n, b /* d */)}")).isEqualTo("SELECT f(a, b)");
    assertThat(rewrite("SELECT {fn f(arr[1], (1, 2), g(x, y))}"))
        .isEqualTo("SELECT f(arr[1], (1, 2), g(x, y))");
  }

  @Test
  void positionsCountLines() {
    assertThatThrownBy(() -> rewrite("SELECT 1;\n  {call p}"))
        .isInstanceOfSatisfying(
            SqlTranslationException.class,
            e -> assertThat(new int[] {e.line(), e.column()}).containsExactly(2, 3));
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void escapesInStringsNamesAndCommentsAreText(TranslationConfig.Quoting quoting)
      throws SqlTranslationException {
    String sql =
        "SELECT '{d ''x''}', '{fn f(}', `{oj`, /* {d '1'} */ 1 -- {call p}\n FROM t"
            + " WHERE s = 'it\\'s {fn x}'";
    assertThat(EscapeRewriter.rewrite(sql, quoting)).isEqualTo(sql);
  }

  @Test
  void doubleQuotesAreAStringOrANameByQuoting() throws SqlTranslationException {
    // back-ticks: "…" is a string, its braces are text
    assertThat(EscapeRewriter.rewrite("SELECT \"{d '1'}\"", BACK_TICK))
        .isEqualTo("SELECT \"{d '1'}\"");
    // ANSI: "…" is a name with "" for a quote, its braces are text too
    assertThat(EscapeRewriter.rewrite("SELECT \"a\"\"{d '1'}\" FROM t", DOUBLE_QUOTE))
        .isEqualTo("SELECT \"a\"\"{d '1'}\" FROM t");
    // ANSI: a ' inside a name does not start a string that would hide an escape after it
    assertThat(EscapeRewriter.rewrite("SELECT \"it's\", {d '2020-01-01'}", DOUBLE_QUOTE))
        .isEqualTo("SELECT \"it's\", DATE '2020-01-01'");
  }

  @Test
  void textWithoutBracesIsReturnedAsItIs() throws SqlTranslationException {
    String sql = "SELECT 1";
    assertThat(rewrite(sql)).isSameAs(sql);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{call p()}|1|1",
        "{ CALL p(?)}|1|1",
        "{? = call f(?)}|1|1",
      })
  void procedureCallsAreNotSupported(String sql, int line, int column) {
    assertThatThrownBy(() -> rewrite(sql.replace("\\n", "\n")))
        .isInstanceOfSatisfying(
            SqlTranslationException.class,
            e -> {
              assertThat(e.inEveryMode()).isTrue();
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.getMessage()).contains("procedures");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "SELECT {x 1}|8|Unknown JDBC escape",
        "SELECT {1}|8|Unknown JDBC escape",
        "SELECT {|8|Unterminated JDBC escape",
        "SELECT {d '2020-01-01'|8|Unterminated",
        "SELECT {d 2020}|8|string literal",
        "SELECT {fn}|8|function name",
        "SELECT {fn f}|8|parentheses",
        "SELECT {fn f(1}|8|closing parenthesis",
        "SELECT {fn f(1|8|closing parenthesis",
        "SELECT {oj a LEFT JOIN b|8|Unterminated",
        "SELECT 1 {limit 3|10|Unterminated",
        "SELECT 1 {escape x}|10|escape character",
        "SELECT {fn f({d 1})}|14|string literal",
      })
  void badEscapesAreSyntaxErrorsWithTheirPosition(String sql, int column, String message) {
    assertThatThrownBy(() -> rewrite(sql))
        .isInstanceOfSatisfying(
            SqlTranslationException.class,
            e -> {
              assertThat(e.isSyntaxError()).isTrue();
              assertThat(e.inEveryMode()).isFalse();
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.getMessage()).contains(message).contains("column " + column);
            });
  }

  @Test
  void aStrayClosingBraceIsLeftForSpark() throws SqlTranslationException {
    assertThat(rewrite("SELECT 1 } {d '2020-01-01'}")).isEqualTo("SELECT 1 } DATE '2020-01-01'");
  }

  @Test
  void nestingIsBounded() {
    String deep = "SELECT " + "{fn f(".repeat(10_000) + "1" + ")}".repeat(10_000);
    assertThatThrownBy(() -> rewrite(deep))
        .isInstanceOfSatisfying(
            SqlTranslationException.class, e -> assertThat(e.getMessage()).contains("nested"));
  }
}
