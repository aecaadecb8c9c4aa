package dev.sparkjdbc.tck.metadata;

import static dev.sparkjdbc.tck.harness.TestSchemas.SESSION_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spark's session-scoped objects through DatabaseMetaData: temporary views (LOCAL TEMPORARY, no
 * catalog or schema), global temporary views (GLOBAL TEMPORARY, in Spark's global_temp schema) and
 * SQL functions created in a schema.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemporaryViewsAndFunctionsTest {
  private static final String GLOBAL_TEMP = "global_temp";

  private final String schema = TestSchemas.unique("meta_tmp");
  private final String tempView = TestSchemas.unique("tv");
  private final String globalView = TestSchemas.unique("gv");
  private String url;
  private Connection connection;

  @BeforeAll
  void createObjects(SparkConnectServer server) throws SQLException {
    url = server.url();
    connection = DriverManager.getConnection(url);
    TestSchemas.execute(
        connection,
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".t (id INT) USING parquet",
        "CREATE TEMPORARY VIEW " + tempView + " AS SELECT 1 AS x, 'a' AS y",
        "CREATE GLOBAL TEMPORARY VIEW " + globalView + " AS SELECT 2 AS z",
        "CREATE FUNCTION " + schema + ".plus_one(x INT) RETURNS INT RETURN x + 1");
  }

  @AfterAll
  void dropObjects() throws SQLException {
    try {
      TestSchemas.execute(connection, "DROP VIEW IF EXISTS " + GLOBAL_TEMP + "." + globalView);
      connection.close();
    } finally {
      TestSchemas.dropQuietly(url, schema);
    }
  }

  @Test
  void temporaryViewIsLocalTemporaryWithoutCatalogOrSchema() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    List<Map<String, Object>> rows = TestSchemas.rows(md.getTables(null, null, tempView, null));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("TABLE_CAT", null)
        .containsEntry("TABLE_SCHEM", null)
        .containsEntry("TABLE_NAME", tempView)
        .containsEntry("TABLE_TYPE", "LOCAL TEMPORARY");

    List<Map<String, Object>> columns = TestSchemas.rows(md.getColumns(null, null, tempView, "%"));
    assertThat(columns).extracting(c -> c.get("COLUMN_NAME")).containsExactly("x", "y");
    assertThat(columns).extracting(c -> c.get("TYPE_NAME")).containsExactly("INT", "STRING");
    // SELECT 1 AS x can never be null; Spark's schema says so.
    assertThat(columns.get(0))
        .containsEntry("NULLABLE", DatabaseMetaData.columnNoNulls)
        .containsEntry("IS_NULLABLE", "NO");

    assertThat(
            TestSchemas.strings(
                md.getTables(null, null, "%", new String[] {"LOCAL TEMPORARY"}), "TABLE_NAME"))
        .contains(tempView);
  }

  @Test
  void temporaryViewIsNotReportedUnderSomeSchema() throws SQLException {
    // Every row of a schema-filtered listing must belong to that schema.
    List<Map<String, Object>> rows =
        TestSchemas.rows(connection.getMetaData().getTables(SESSION_CATALOG, schema, "%", null));
    assertThat(rows).extracting(r -> r.get("TABLE_SCHEM")).containsOnly(schema);
    assertThat(rows).extracting(r -> r.get("TABLE_NAME")).containsExactly("t");
  }

  @Test
  void emptySchemaPatternFindsObjectsWithoutSchema() throws SQLException {
    // JDBC: schemaPattern "" retrieves those without a schema, i.e. the temporary views.
    assertThat(
            TestSchemas.strings(
                connection.getMetaData().getTables(null, "", tempView, null), "TABLE_NAME"))
        .containsExactly(tempView);
  }

  @Test
  void globalTemporaryViewIsListedInGlobalTemp() throws SQLException {
    List<Map<String, Object>> rows =
        TestSchemas.rows(connection.getMetaData().getTables(null, GLOBAL_TEMP, globalView, null));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("TABLE_SCHEM", GLOBAL_TEMP)
        .containsEntry("TABLE_NAME", globalView)
        .containsEntry("TABLE_TYPE", "GLOBAL TEMPORARY");
    assertThat(
            TestSchemas.strings(
                connection.getMetaData().getColumns(null, GLOBAL_TEMP, globalView, "%"),
                "COLUMN_NAME"))
        .containsExactly("z");
  }

  @Test
  void sqlFunctionOfASchemaIsListedInThatSchema() throws SQLException {
    List<Map<String, Object>> rows =
        TestSchemas.rows(connection.getMetaData().getFunctions(null, schema, "plus_one"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("FUNCTION_CAT", SESSION_CATALOG)
        .containsEntry("FUNCTION_SCHEM", schema)
        .containsEntry("FUNCTION_NAME", "plus_one");
  }

  @Test
  void builtInFunctionsMatchThePatternExactly() throws SQLException {
    assertThat(
            TestSchemas.strings(
                connection.getMetaData().getFunctions(null, null, "upper"), "FUNCTION_NAME"))
        .containsExactly("upper");
    assertThat(
            TestSchemas.strings(
                connection.getMetaData().getFunctions(null, null, "ab_"), "FUNCTION_NAME"))
        .contains("abs")
        .allMatch(n -> n.length() == 3 && n.startsWith("ab"));
  }
}
