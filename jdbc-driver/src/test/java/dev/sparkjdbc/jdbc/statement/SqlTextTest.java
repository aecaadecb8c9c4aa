package dev.sparkjdbc.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT 1|true",
        "  select 1|true",
        "(SELECT 1) UNION (SELECT 2)|true",
        "-- note\\nSELECT 1|true",
        "/* hint */ VALUES (1)|true",
        "FROM t SELECT a|true",
        "TABLE t|true",
        "WITH x AS (SELECT 1) SELECT * FROM x|false",
        "INSERT INTO t VALUES (1)|false",
        "CREATE TABLE t (a INT)|false",
        "SHOW TABLES|false",
        "SELECTED|false",
      })
  void recognisesQueries(String sql, boolean query) {
    assertThat(SqlText.isQuery(sql.replace("\\n", "\n"))).isEqualTo(query);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|true",
        "'   '|true",
        "'-- only a comment'|true",
        "'/* c */ ;'|true",
        "'SELECT 1'|false",
      })
  void blankMeansNoStatement(String sql, boolean blank) {
    assertThat(SqlText.isBlank(sql)).isEqualTo(blank);
  }
}
