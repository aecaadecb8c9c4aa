package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.TableOptions;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * jOOQ's {@code DSL.using(connection, SQLDialect.DEFAULT).meta()} reads the driver's
 * DatabaseMetaData: the schema's tables and their fields are those of the DDL and those that
 * getTables/getColumns list.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JooqMetaTest {
  private final String schema = TestSchemas.unique("meta_jooq");
  private String url;

  @BeforeAll
  void createObjects(SparkConnectServer server) throws SQLException {
    url = server.url();
    try (Connection c = DriverManager.getConnection(url)) {
      TestSchemas.execute(
          c,
          "CREATE SCHEMA " + schema,
          "CREATE TABLE " + schema + ".customers (id BIGINT, name STRING, born DATE) USING parquet",
          "CREATE TABLE "
              + schema
              + ".orders (id BIGINT, customer_id BIGINT, total DECIMAL(12,2),"
              + " placed TIMESTAMP, lines ARRAY<STRING>, attrs MAP<STRING,STRING>) USING parquet",
          "CREATE VIEW "
              + schema
              + ".big_orders AS SELECT id, total FROM "
              + schema
              + ".orders WHERE total > 100");
    }
  }

  @AfterAll
  void dropObjects() {
    TestSchemas.dropQuietly(url, schema);
  }

  private static final Map<String, List<String>> DDL =
      Map.of(
          "customers", List.of("id", "name", "born"),
          "orders", List.of("id", "customer_id", "total", "placed", "lines", "attrs"),
          "big_orders", List.of("id", "total"));

  @Test
  void metaListsTheSchemasTablesAndFields() throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      Meta meta = DSL.using(c, SQLDialect.DEFAULT).meta();
      List<Schema> schemas = meta.getSchemas(schema);
      assertThat(schemas).hasSize(1);
      Schema s = schemas.get(0);
      // (jOOQ's open-source edition models one unnamed catalog; it lists schemas with
      // getSchemas() and tables with getTables(null, schema, "%", null).)

      Map<String, List<String>> fromJooq = new TreeMap<>();
      for (Table<?> t : s.getTables()) {
        List<String> fields = new ArrayList<>();
        for (Field<?> f : t.fields()) {
          fields.add(f.getName());
        }
        fromJooq.put(t.getName(), fields);
        assertThat(t.fields())
            .as("field count of %s", t.getName())
            .hasSize(DDL.getOrDefault(t.getName(), List.of()).size());
      }
      assertThat(fromJooq).isEqualTo(new TreeMap<>(DDL));
      assertThat(fromJooq).isEqualTo(fromDatabaseMetaData(c));

      Table<?> orders = s.getTable("orders");
      assertThat(orders.getTableType()).isEqualTo(TableOptions.TableType.TABLE);
      assertThat(s.getTable("big_orders").getTableType()).isEqualTo(TableOptions.TableType.VIEW);
      assertThat(orders.field("id").getType()).isEqualTo(Long.class);
      assertThat(orders.field("total").getType()).isEqualTo(BigDecimal.class);
      assertThat(orders.field("total").getDataType().precision()).isEqualTo(12);
      assertThat(orders.field("total").getDataType().scale()).isEqualTo(2);
      assertThat(orders.field("placed").getDataType().isTimestamp()).isTrue();
      assertThat(s.getTable("customers").field("born").getDataType().isDate()).isTrue();
      // (jOOQ resolves a field's type from TYPE_NAME alone; Spark's "STRING" is no name it
      // knows in SQLDialect.DEFAULT, so that field is typed Object: jOOQ's limit, not ours.)
    }
  }

  private Map<String, List<String>> fromDatabaseMetaData(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table :
        TestSchemas.strings(
            c.getMetaData().getTables(TestSchemas.SESSION_CATALOG, schema, "%", null),
            "TABLE_NAME")) {
      out.put(table, new ArrayList<>());
    }
    try (ResultSet rs = c.getMetaData().getColumns(TestSchemas.SESSION_CATALOG, schema, "%", "%")) {
      while (rs.next()) {
        out.get(rs.getString("TABLE_NAME")).add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }
}
