package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.dbutils.QueryRunner;
import org.apache.commons.dbutils.handlers.MapListHandler;
import org.apache.commons.dbutils.handlers.ScalarHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Libraries that drive PreparedStatement the way applications do: Commons DbUtils' QueryRunner
 * (which reads getParameterMetaData) and Spring's JdbcTemplate with arguments.
 */
@ExtendWith(SparkConnectServerExtension.class)
class PreparedStatementClientsTest {

  @Test
  void commonsDbUtilsQueryRunner(SparkConnectServer server) throws SQLException {
    String table = "dbutils_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server.url())) {
      QueryRunner runner = new QueryRunner();
      runner.update(
          c,
          "CREATE TABLE "
              + table
              + " (id INT, name STRING, price DECIMAL(10,2))"
              + " USING parquet");
      try {
        runner.update(
            c, "INSERT INTO " + table + " VALUES (?, ?, ?)", 1, "a'b", new BigDecimal("1.50"));
        runner.update(
            c, "INSERT INTO " + table + " VALUES (?, ?, ?)", 2, null, new BigDecimal("2.25"));
        List<Map<String, Object>> rows =
            runner.query(
                c,
                "SELECT id, name, price FROM " + table + " WHERE id >= ? ORDER BY id",
                new MapListHandler(),
                1);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
            .containsEntry("id", 1)
            .containsEntry("name", "a'b")
            .containsEntry("price", new BigDecimal("1.50"));
        assertThat(rows.get(1)).containsEntry("name", null);
        Long count =
            runner.query(
                c,
                "SELECT count(*) FROM " + table + " WHERE name = ?",
                new ScalarHandler<>(),
                "a'b");
        assertThat(count).isEqualTo(1L);
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE " + table);
        }
      }
    }
  }

  @Test
  void springJdbcTemplateWithArguments(SparkConnectServer server) throws SQLException {
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(server.url(), "spring", "", true);
    try {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "SELECT id, upper(name) AS up FROM (VALUES (1, 'x'), (2, 'y'), (3, 'z')) AS t(id,"
                  + " name) WHERE id > ? AND name <> ? ORDER BY id",
              1,
              "z");
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0)).containsEntry("id", 2).containsEntry("up", "Y");
      Integer doubled = jdbc.queryForObject("SELECT ? * 2", Integer.class, 21);
      assertThat(doubled).isEqualTo(42);
      List<String> names =
          jdbc.query(
              "SELECT name FROM (VALUES ('a'), ('b')) AS t(name)"
                  + " WHERE name <> ? ORDER BY name",
              (rs, i) -> rs.getString(1),
              "b");
      assertThat(names).containsExactly("a");
    } finally {
      dataSource.destroy();
    }
  }
}
