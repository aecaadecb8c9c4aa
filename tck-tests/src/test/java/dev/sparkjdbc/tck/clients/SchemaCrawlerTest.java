package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Routine;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler, at its maximum info level, crawls two schemas of tables and views with every
 * column type through the driver: no exception, no retrieval warning in its log, and the catalog it
 * builds has the tables, views, columns and types of the DDL.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaCrawlerTest {
  private final String schemaA = TestSchemas.unique("meta_sca");
  private final String schemaB = TestSchemas.unique("meta_scb");
  private String url;

  /**
   * name → JDBC type, in column order. SchemaCrawler lists a whole schema's columns in one
   * getColumns call; that listing (one SHOW TABLE EXTENDED per schema, see docs/metadata.md)
   * reports CHAR(n)/VARCHAR(n) columns as Spark stores them, STRING. Their declared lengths come
   * with getColumns for a single named table (checked by DbeaverReplayTest).
   */
  private static final Map<String, Integer> TYPES_T =
      orderedMap(
          "i",
          Types.INTEGER,
          "b",
          Types.BIGINT,
          "d",
          Types.DECIMAL,
          "s",
          Types.VARCHAR,
          "dt",
          Types.DATE,
          "ts",
          Types.TIMESTAMP,
          "bo",
          Types.BOOLEAN,
          "db",
          Types.DOUBLE,
          "bi",
          Types.VARBINARY,
          "a",
          Types.ARRAY,
          "m",
          Types.JAVA_OBJECT,
          "st",
          Types.STRUCT,
          "ti",
          Types.TINYINT,
          "si",
          Types.SMALLINT,
          "f",
          Types.REAL,
          "c",
          Types.VARCHAR,
          "vc",
          Types.VARCHAR,
          "ntz",
          Types.TIMESTAMP);

  @BeforeAll
  void createObjects(SparkConnectServer server) throws SQLException {
    url = server.url();
    try (Connection c = DriverManager.getConnection(url)) {
      TestSchemas.execute(
          c,
          "CREATE SCHEMA " + schemaA,
          "CREATE SCHEMA " + schemaB,
          "CREATE TABLE "
              + schemaA
              + ".types_t (i INT, b BIGINT, d DECIMAL(10,2), s STRING,"
              + " dt DATE, ts TIMESTAMP, bo BOOLEAN, db DOUBLE, bi BINARY, a ARRAY<INT>,"
              + " m MAP<STRING,INT>, st STRUCT<a:INT>, ti TINYINT, si SMALLINT, f FLOAT,"
              + " c CHAR(5), vc VARCHAR(20), ntz TIMESTAMP_NTZ) USING parquet",
          "CREATE VIEW " + schemaA + ".types_v AS SELECT i, s, d FROM " + schemaA + ".types_t",
          "CREATE TABLE " + schemaB + ".people (id BIGINT, name STRING) USING parquet",
          "CREATE TABLE "
              + schemaB
              + ".orders (id BIGINT, person_id BIGINT, total DECIMAL(12,3))"
              + " USING parquet",
          "CREATE VIEW "
              + schemaB
              + ".people_orders AS SELECT p.name, o.total FROM "
              + schemaB
              + ".people p JOIN "
              + schemaB
              + ".orders o ON o.person_id = p.id",
          "CREATE FUNCTION " + schemaA + ".plus_one(x INT) RETURNS INT RETURN x + 1");
    }
  }

  @AfterAll
  void dropObjects() {
    TestSchemas.dropQuietly(url, schemaA, schemaB);
  }

  private static Map<String, Integer> orderedMap(Object... pairs) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int k = 0; k < pairs.length; k += 2) {
      map.put((String) pairs[k], (Integer) pairs[k + 1]);
    }
    return map;
  }

  /**
   * Collects what SchemaCrawler logs at WARNING or above: it logs, rather than throws, most failed
   * retrievals.
   */
  private static final class Warnings extends Handler implements AutoCloseable {
    private final List<Logger> loggers =
        List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));
    private final List<String> messages = new ArrayList<>();

    Warnings() {
      setLevel(Level.WARNING);
      loggers.forEach(l -> l.addHandler(this));
    }

    @Override
    public synchronized void publish(LogRecord record) {
      // About the credentials this test passes (the server needs none), not about the driver.
      boolean aboutCredentials = String.valueOf(record.getMessage()).contains("password");
      if (record.getLevel().intValue() >= Level.WARNING.intValue() && !aboutCredentials) {
        String message = record.getMessage();
        if (record.getParameters() != null) {
          message = MessageFormat.format(message, record.getParameters());
        }
        messages.add(
            record.getLoggerName()
                + ": "
                + message
                + (record.getThrown() == null ? "" : " / " + record.getThrown()));
      }
    }

    synchronized List<String> messages() {
      return List.copyOf(messages);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      loggers.forEach(l -> l.removeHandler(this));
    }
  }

  private Catalog crawl(boolean routines, Warnings warnings) throws Exception {
    LimitOptionsBuilder limit =
        LimitOptionsBuilder.builder()
            .includeSchemas(Pattern.compile(".*(" + schemaA + "|" + schemaB + ")"));
    if (routines) {
      limit.includeAllRoutines();
    }
    SchemaCrawlerOptions options =
        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
            .withLimitOptions(limit.toOptions())
            .withLoadOptions(
                LoadOptionsBuilder.builder()
                    .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum())
                    .toOptions());
    DatabaseConnectionSource source =
        DatabaseConnectionSources.newDatabaseConnectionSource(
            url, new MultiUseUserCredentials("schemacrawler", ""));
    try {
      return SchemaCrawlerUtility.getCatalog(source, options);
    } finally {
      source.close();
    }
  }

  @Test
  void crawlsTwoSchemasAtMaximumInfoLevel() throws Exception {
    Catalog catalog;
    List<String> logged;
    try (Warnings warnings = new Warnings()) {
      catalog = crawl(false, warnings);
      logged = warnings.messages();
    }
    assertThat(catalog.getSchemas())
        .extracting(Schema::getName)
        .containsExactlyInAnyOrder(schemaA, schemaB);
    for (Schema s : catalog.getSchemas()) {
      assertThat(s.getCatalogName()).isEqualTo(TestSchemas.SESSION_CATALOG);
    }
    Schema a = catalog.lookupSchema(TestSchemas.SESSION_CATALOG + "." + schemaA).orElseThrow();
    Schema b = catalog.lookupSchema(TestSchemas.SESSION_CATALOG + "." + schemaB).orElseThrow();

    assertThat(tableNames(catalog.getTables(a))).containsExactlyInAnyOrder("types_t", "types_v");
    assertThat(tableNames(catalog.getTables(b)))
        .containsExactlyInAnyOrder("people", "orders", "people_orders");

    // Value mismatches are collected so that one report shows all of them.
    SoftAssertions soft = new SoftAssertions();
    Table types = catalog.lookupTable(a, "types_t").orElseThrow();
    soft.assertThat(types.getTableType().isView()).isFalse();
    assertThat(columnNames(types)).containsExactlyElementsOf(TYPES_T.keySet());
    for (Column column : types.getColumns()) {
      soft.assertThat(column.getColumnDataType().getJavaSqlType().getVendorTypeNumber())
          .as("JDBC type of %s (%s)", column.getName(), column.getColumnDataType().getName())
          .isEqualTo(TYPES_T.get(column.getName()));
      soft.assertThat(column.getOrdinalPosition())
          .as("position of %s", column.getName())
          .isEqualTo(List.copyOf(TYPES_T.keySet()).indexOf(column.getName()) + 1);
      soft.assertThat(column.isNullable()).as("nullability of %s", column.getName()).isTrue();
    }
    Column d = types.lookupColumn("d").orElseThrow();
    soft.assertThat(d.getSize()).as("size of DECIMAL(10,2)").isEqualTo(10);
    soft.assertThat(d.getDecimalDigits()).as("decimal digits of DECIMAL(10,2)").isEqualTo(2);
    soft.assertThat(d.getColumnDataType().getName()).startsWith("DECIMAL");
    soft.assertThat(types.lookupColumn("vc").orElseThrow().getColumnDataType().getName())
        .as("type of VARCHAR(20) in a schema listing")
        .isEqualTo("STRING");
    soft.assertThat(types.lookupColumn("c").orElseThrow().getColumnDataType().getName())
        .as("type of CHAR(5) in a schema listing")
        .isEqualTo("STRING");

    Table view = catalog.lookupTable(a, "types_v").orElseThrow();
    soft.assertThat(view.getTableType().isView()).as("types_v is a view").isTrue();
    soft.assertThat(columnNames(view)).containsExactly("i", "s", "d");

    Table joined = catalog.lookupTable(b, "people_orders").orElseThrow();
    soft.assertThat(joined.getTableType().isView()).as("people_orders is a view").isTrue();
    soft.assertThat(columnNames(joined)).containsExactly("name", "total");
    soft.assertThat(columnNames(catalog.lookupTable(b, "orders").orElseThrow()))
        .containsExactly("id", "person_id", "total");
    // Spark has no keys or indexes; the driver says so with empty results.
    soft.assertThat(types.getPrimaryKey()).isNull();
    soft.assertThat(types.getIndexes()).isEmpty();
    soft.assertThat(types.getImportedForeignKeys()).isEmpty();
    soft.assertThat(logged).as("SchemaCrawler warnings while crawling").isEmpty();
    soft.assertAll();
  }

  @Test
  void crawlsTheSqlFunctionOfASchema() throws Exception {
    Catalog catalog;
    try (Warnings warnings = new Warnings()) {
      catalog = crawl(true, warnings);
    }
    Schema a = catalog.lookupSchema(TestSchemas.SESSION_CATALOG + "." + schemaA).orElseThrow();
    assertThat(catalog.getRoutines(a)).extracting(Routine::getName).contains("plus_one");
  }

  private static List<String> tableNames(Collection<Table> tables) {
    return tables.stream().map(Table::getName).collect(Collectors.toList());
  }

  private static List<String> columnNames(Table table) {
    return table.getColumns().stream().map(Column::getName).collect(Collectors.toList());
  }
}
