package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the driver reads from a statement's tokens before sending it. */
class SqlStatementTest {
  private static SqlStatement of(String sql) {
    return SqlStatement.of(sql, TranslationConfig.Quoting.BACK_TICK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INSERT INTO t VALUES (1, 'a')|1",
        "insert into t values (1, 'a'), (2, 'b,c'), (3, ')')|3",
        "INSERT OVERWRITE t VALUES (?, ?), (?, ?);|2",
        "INSERT INTO t (k, v) VALUES (1, array(1, 2)), (2, array(3))|2",
        "/* c */ INSERT INTO t VALUES 1, 2, 3|3",
        "INSERT INTO t -- VALUES (1), (2)\\n SELECT 1|-1",
        "INSERT INTO t SELECT * FROM VALUES (1), (2)|-1",
        "INSERT INTO t TABLE s|-1",
        "UPDATE t SET v = 1|-1",
        "INSERT INTO t VALUES|-1",
      })
  void insertValuesCountsTheTopLevelRows(String sql, long expected) {
    OptionalLong rows = of(sql.replace("\\n", "\n")).insertValuesRows();
    if (expected < 0) {
      assertThat(rows).isEmpty();
    } else {
      assertThat(rows).hasValue(expected);
    }
  }

  @Test
  void markersAreCountedOutsideStringsNamesAndComments() {
    SqlStatement s = of("SELECT ?, '?', `?`, \"?\" /* ? */ FROM t -- ?\n WHERE k = ?");
    assertThat(s.markerCount()).isEqualTo(2);
    assertThat(s.withMarkers(i -> "P" + i))
        .isEqualTo("SELECT P1, '?', `?`, \"?\" /* ? */ FROM t -- ?\n WHERE k = P2");
  }

  @Test
  void leadingKeywordSkipsBlanksCommentsAndParentheses() {
    assertThat(of("  -- note\n ((select 1))").leadingKeyword()).isEqualTo("SELECT");
    assertThat(
            SqlStatement.leadingKeyword(
                "/* x */ merge into t", TranslationConfig.Quoting.BACK_TICK))
        .isEqualTo("MERGE");
    assertThat(of("  ").leadingKeyword()).isEmpty();
  }

  @Test
  void onlyAVersionAfterAsOfMustBeABareLiteral() {
    SqlStatement s =
        of(
            "SELECT * FROM t VERSION AS OF ? JOIN u FOR SYSTEM_VERSION  AS\n OF ? ON t.k = ?"
                + " JOIN w TIMESTAMP AS OF ? WHERE 'VERSION AS OF ?' = ?");
    assertThat(s.bareLiteralMarkers()).containsExactlyInAnyOrder(1, 2);
    assertThat(of("SELECT version AS of FROM t WHERE x = ?").bareLiteralMarkers()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "INSERT INTO t VALUES (?, ?)|t",
        "insert into table db.t values(?);|db.t",
        "INSERT INTO `my t`.`x``y` /* c */ VALUES ( ? , ? , ? ) ; ;|`my t`.`x``y`",
        "INSERT INTO t (a, b) VALUES (?, ?)|",
        "INSERT INTO t VALUES (?, 1)|",
        "INSERT INTO t VALUES (?), (?)|",
        "INSERT INTO t VALUES ()|",
        "INSERT INTO t VALUES (?|",
        "INSERT OVERWRITE t VALUES (?)|",
        "INSERT INTO t SELECT ?|",
      })
  void anInsertOfOneRowOfMarkersNamesItsTable(String sql, String table) {
    assertThat(of(sql).insertMarkersTable()).isEqualTo(java.util.Optional.ofNullable(table));
  }

  @Test
  void ansiNamesBecomeBackQuotedForSpark() {
    SqlStatement ansi =
        SqlStatement.of(
            "INSERT INTO \"my \"\"t\"\"\" VALUES (?, ?)", TranslationConfig.Quoting.DOUBLE_QUOTE);
    assertThat(ansi.insertMarkersTable()).hasValue("`my \"t\"`");
    SqlStatement select =
        SqlStatement.of(
            "SELECT \"a`b\", '\"s\"', `c`, ? FROM \"t\" WHERE \"open",
            TranslationConfig.Quoting.DOUBLE_QUOTE);
    assertThat(select.forSpark(i -> "1"))
        .isEqualTo("SELECT `a``b`, '\"s\"', `c`, 1 FROM `t` WHERE \"open");
    // back-tick quoting: "…" is a string, left as it is
    assertThat(of("SELECT \"a\", ?").forSpark(i -> "2")).isEqualTo("SELECT \"a\", 2");
  }
}
