package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The escape function table on its own: names, arities, pass-through and the metadata lists. What
 * each function answers is checked against the real server in tck-tests (EscapeFunctionValuesTest).
 */
class JdbcFunctionsTest {

  /** JDBC 4.3 appendix D, by the DatabaseMetaData list each belongs to. */
  private static final List<String> NUMERIC =
      List.of(
          "ABS",
          "ACOS",
          "ASIN",
          "ATAN",
          "ATAN2",
          "CEILING",
          "COS",
          "COT",
          "DEGREES",
          "EXP",
          "FLOOR",
          "LOG",
          "LOG10",
          "MOD",
          "PI",
          "POWER",
          "RADIANS",
          "RAND",
          "ROUND",
          "SIGN",
          "SIN",
          "SQRT",
          "TAN",
          "TRUNCATE");

  private static final List<String> STRING =
      List.of(
          "ASCII",
          "CHAR",
          "CHAR_LENGTH",
          "CHARACTER_LENGTH",
          "CONCAT",
          "DIFFERENCE",
          "INSERT",
          "LCASE",
          "LEFT",
          "LENGTH",
          "LOCATE",
          "LTRIM",
          "OCTET_LENGTH",
          "POSITION",
          "REPEAT",
          "REPLACE",
          "RIGHT",
          "RTRIM",
          "SOUNDEX",
          "SPACE",
          "SUBSTRING",
          "UCASE");
  private static final List<String> TIME_DATE =
      List.of(
          "CURDATE",
          "CURRENT_DATE",
          "CURRENT_TIMESTAMP",
          "DAYNAME",
          "DAYOFMONTH",
          "DAYOFWEEK",
          "DAYOFYEAR",
          "EXTRACT",
          "HOUR",
          "MINUTE",
          "MONTH",
          "MONTHNAME",
          "NOW",
          "QUARTER",
          "SECOND",
          "TIMESTAMPADD",
          "TIMESTAMPDIFF",
          "WEEK",
          "YEAR");
  private static final List<String> SYSTEM = List.of("DATABASE", "IFNULL", "USER");

  private static Set<String> names(String list) {
    return new TreeSet<>(Arrays.asList(list.split(",")));
  }

  @Test
  void theListsNameAppendixDsFunctionsInTheirGroups() {
    assertThat(names(JdbcFunctions.numericFunctions())).isEqualTo(new TreeSet<>(NUMERIC));
    assertThat(names(JdbcFunctions.stringFunctions())).isEqualTo(new TreeSet<>(STRING));
    assertThat(names(JdbcFunctions.systemFunctions())).isEqualTo(new TreeSet<>(SYSTEM));
    // CURTIME and CURRENT_TIME need Spark's TIME type, off by default in Spark 4.2
    assertThat(names(JdbcFunctions.timeDateFunctions())).isEqualTo(new TreeSet<>(TIME_DATE));
    for (String list :
        List.of(
            JdbcFunctions.numericFunctions(),
            JdbcFunctions.stringFunctions(),
            JdbcFunctions.systemFunctions(),
            JdbcFunctions.timeDateFunctions())) {
      assertThat(list).doesNotContain(" ").doesNotStartWith(",").doesNotEndWith(",");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ABS|0",
        "ABS|2",
        "PI|1",
        "ATAN2|1",
        "MOD|3",
        "ROUND|1",
        "TRUNCATE|1",
        "RAND|2",
        "INSERT|3",
        "LOCATE|1",
        "LOCATE|4",
        "SUBSTRING|2",
        "POSITION|2",
        "EXTRACT|2",
        "CURDATE|1",
        "CURRENT_TIMESTAMP|2",
        "TIMESTAMPADD|2",
        "TIMESTAMPDIFF|4",
        "DATABASE|1",
        "IFNULL|1",
        "IFNULL|3",
        "USER|1",
        "CONVERT|1",
        "WEEK|0",
        "DAYNAME|2",
      })
  void aListedFunctionWithTheWrongArgumentCountIsRefusedInEveryMode(String name, int count) {
    List<String> args = java.util.Collections.nCopies(count, "1");
    assertThatThrownBy(() -> JdbcFunctions.toSpark(name, args))
        .isInstanceOfSatisfying(
            SqlTranslationException.class, e -> assertThat(e.inEveryMode()).isTrue())
        .hasMessageContaining("{fn " + name + "}")
        .hasMessageContaining("not " + count);
  }

  @Test
  void theRefusalNamesTheExpectedArity() {
    assertThatThrownBy(() -> JdbcFunctions.toSpark("mod", List.of("1")))
        .hasMessageContaining("{fn MOD} takes 2 arguments, not 1");
    assertThatThrownBy(() -> JdbcFunctions.toSpark("LOCATE", List.of("1")))
        .hasMessageContaining("takes 2 or 3 arguments");
    assertThatThrownBy(() -> JdbcFunctions.toSpark("UCASE", List.of()))
        .hasMessageContaining("takes 1 argument, not 0");
  }

  @Test
  void namesAreCaseInsensitive() throws SqlTranslationException {
    String upper = JdbcFunctions.toSpark("UCASE", List.of("x"));
    assertThat(JdbcFunctions.toSpark("ucase", List.of("x"))).isEqualTo(upper);
    assertThat(JdbcFunctions.toSpark("UCase", List.of("x"))).isEqualTo(upper);
    assertThat(upper).isEqualTo("upper((x))");
  }

  @Test
  void unknownNamesPassThroughLowerCased() throws SqlTranslationException {
    assertThat(JdbcFunctions.toSpark("Array_Contains", List.of("a", "1")))
        .isEqualTo("array_contains(a, 1)");
    assertThat(JdbcFunctions.toSpark("uuid", List.of())).isEqualTo("uuid()");
    assertThat(JdbcFunctions.toSpark("uuid", List.of(""))).isEqualTo("uuid()");
  }

  @Test
  void everyArgumentIsParenthesised() throws SqlTranslationException {
    // a - b as LEFT's count must not become left(s, a) - b
    assertThat(JdbcFunctions.toSpark("LEFT", List.of("s || t", "a - b")))
        .isEqualTo("left((s || t), (a - b))");
    assertThat(JdbcFunctions.toSpark("INSERT", List.of("s", "1", "2", "t")))
        .isEqualTo("overlay((s) PLACING (t) FROM (1) FOR (2))");
  }

  @Test
  void positionAndExtractSplitTheirOneArgumentAtTheTopLevelKeyword()
      throws SqlTranslationException {
    assertThat(JdbcFunctions.toSpark("POSITION", List.of("'in' IN s")))
        .isEqualTo("locate(('in'), (s))");
    assertThat(JdbcFunctions.toSpark("POSITION", List.of("f(a IN (1)) IN `in`")))
        .isEqualTo("locate((f(a IN (1))), (`in`))");
    assertThat(JdbcFunctions.toSpark("EXTRACT", List.of("year FROM t.d")))
        .isEqualTo("extract(YEAR FROM (t.d))");
    assertThatThrownBy(() -> JdbcFunctions.toSpark("POSITION", List.of("'a'")))
        .isInstanceOf(SqlTranslationException.class)
        .hasMessageContaining("IN");
    assertThatThrownBy(() -> JdbcFunctions.toSpark("EXTRACT", List.of("(x) FROM y")))
        .isInstanceOf(SqlTranslationException.class)
        .hasMessageContaining("FROM");
  }

  @Test
  void randTakesOnlyAConstantSeed() throws SqlTranslationException {
    assertThat(JdbcFunctions.toSpark("RAND", List.of())).isEqualTo("rand()");
    assertThat(JdbcFunctions.toSpark("RAND", List.of("-7"))).isEqualTo("rand((-7))");
    assertThat(JdbcFunctions.toSpark("RAND", List.of("?"))).isEqualTo("rand((?))");
    assertThat(JdbcFunctions.toSpark("RAND", List.of("CAST(5 AS INT)")))
        .isEqualTo("rand((CAST(5 AS INT)))");
    for (String seed : List.of("id", "id + 1", "`5`", "'5'")) {
      assertThatThrownBy(() -> JdbcFunctions.toSpark("RAND", List.of(seed)))
          .as(seed)
          .isInstanceOfSatisfying(
              SqlTranslationException.class, e -> assertThat(e.inEveryMode()).isTrue())
          .hasMessageContaining("literal");
    }
  }

  @Test
  void timestampIntervalsAreOdbcsKeywords() throws SqlTranslationException {
    assertThat(JdbcFunctions.toSpark("TIMESTAMPADD", List.of("SQL_TSI_DAY", "1", "ts")))
        .isEqualTo("timestampadd(DAY, (1), (ts))");
    assertThat(JdbcFunctions.toSpark("timestampdiff", List.of("sql_tsi_month", "a", "b")))
        .isEqualTo("timestampdiff(MONTH, (a), (b))");
    assertThatThrownBy(
            () -> JdbcFunctions.toSpark("TIMESTAMPADD", List.of("SQL_TSI_EON", "1", "t")))
        .isInstanceOfSatisfying(
            SqlTranslationException.class, e -> assertThat(e.inEveryMode()).isTrue())
        .hasMessageContaining("SQL_TSI_EON");
  }

  @Test
  void convertTakesTheTypeTablesSparkType() throws SqlTranslationException {
    assertThat(JdbcFunctions.toSpark("CONVERT", List.of("x", "SQL_INTEGER")))
        .isEqualTo("CAST((x) AS INT)");
    assertThat(JdbcFunctions.toSpark("CONVERT", List.of("x", "sql_decimal")))
        .isEqualTo("CAST((x) AS DECIMAL(38,18))");
    assertThat(JdbcFunctions.toSpark("CONVERT", List.of("x", "SQL_WVARCHAR")))
        .isEqualTo("CAST((x) AS STRING)");
    assertThat(JdbcFunctions.toSpark("CONVERT", List.of("x", "FLOAT")))
        .isEqualTo("CAST((x) AS DOUBLE)");
    for (String type : List.of("SQL_GUID", "SQL_OTHER", "SQL_INTERVAL_DAY", "SQL_ROWID")) {
      assertThatThrownBy(() -> JdbcFunctions.toSpark("CONVERT", List.of("x", type)))
          .as(type)
          .isInstanceOfSatisfying(
              SqlTranslationException.class, e -> assertThat(e.inEveryMode()).isTrue())
          .hasMessageContaining(type);
    }
  }
}
