package dev.sparkjdbc.tck.clients;

import static dev.sparkjdbc.tck.harness.TestSchemas.SESSION_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The calls DBeaver's generic JDBC support makes when it connects and when a user browses a schema,
 * opens a table and runs a query, in that order: two connections (main and metadata), the
 * capability questions of its dialect, the navigator's listings, the table editor's
 * columns/keys/indexes, then a query in the SQL editor. Values are checked against the DDL the test
 * ran; value mismatches are collected and reported together.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbeaverReplayTest {
  private final String schema = TestSchemas.unique("meta_dbv");
  private String url;

  /** Column of the many-types table: name, JDBC type, and the type names a tool may see. */
  private record Expected(
      String name,
      int jdbcType,
      String typeName,
      Integer size,
      Integer decimalDigits,
      Integer radix) {}

  private static final List<Expected> TYPES_T =
      List.of(
          new Expected("i", Types.INTEGER, "INT", 10, 0, 10),
          new Expected("b", Types.BIGINT, "BIGINT", 19, 0, 10),
          new Expected("d", Types.DECIMAL, "DECIMAL", 10, 2, 10),
          new Expected("s", Types.VARCHAR, "STRING", null, null, null),
          new Expected("dt", Types.DATE, "DATE", 10, null, null),
          new Expected("ts", Types.TIMESTAMP, "TIMESTAMP", null, 6, null),
          new Expected("bo", Types.BOOLEAN, "BOOLEAN", null, null, null),
          new Expected("db", Types.DOUBLE, "DOUBLE", null, null, null),
          new Expected("bi", Types.VARBINARY, "BINARY", null, null, null),
          new Expected("a", Types.ARRAY, "ARRAY", null, null, null),
          new Expected("m", Types.JAVA_OBJECT, "MAP", null, null, null),
          new Expected("st", Types.STRUCT, "STRUCT", null, null, null));

  @BeforeAll
  void createObjects(SparkConnectServer server) throws SQLException {
    url = server.url();
    try (Connection c = DriverManager.getConnection(url)) {
      TestSchemas.execute(
          c,
          "CREATE SCHEMA " + schema,
          "CREATE TABLE "
              + schema
              + ".types_t (i INT COMMENT 'the key', b BIGINT,"
              + " d DECIMAL(10,2), s STRING DEFAULT 'x', dt DATE, ts TIMESTAMP, bo BOOLEAN,"
              + " db DOUBLE, bi BINARY, a ARRAY<INT>, m MAP<STRING,INT>, st STRUCT<a:INT>)"
              + " USING parquet COMMENT 'many types'",
          "INSERT INTO "
              + schema
              + ".types_t VALUES (1, 10000000000, 12.34, 'hello',"
              + " DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.123456', true, 1.5,"
              + " X'CAFE', array(1, 2), map('k', 7), named_struct('a', 9)),"
              + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
          "CREATE VIEW "
              + schema
              + ".types_v COMMENT 'two columns' AS SELECT i, s FROM "
              + schema
              + ".types_t",
          // Catalogs in table definitions: a three-part name.
          "CREATE TABLE " + SESSION_CATALOG + "." + schema + ".my_table (id INT) USING parquet",
          "CREATE TABLE " + schema + ".myxtable (id INT, x STRING) USING parquet",
          // Unquoted and quoted mixed case: stored as getMetaData() says (lower case).
          "CREATE TABLE " + schema + ".MiXed_T (Id INT) USING parquet",
          "CREATE TABLE " + schema + ".`QuOtEd_T` (`Id` INT) USING parquet");
    }
  }

  @AfterAll
  void dropObjects() {
    TestSchemas.dropQuietly(url, schema);
  }

  @Test
  void connectAndBrowse() throws Exception {
    SoftAssertions soft = new SoftAssertions();

    // --- Driver: DBeaver loads the driver class and asks it directly.
    Driver driver = DriverManager.getDriver(url);
    assertThat(driver.acceptsURL(url)).isTrue();
    assertThat(driver.acceptsURL("jdbc:postgresql://localhost/db")).isFalse();
    assertThat(driver.connect("jdbc:postgresql://localhost/db", new Properties())).isNull();

    // The replay itself (DbeaverCalls): every table opened in the table editor, then the query,
    // whose result is checked while it is open.
    List<String> allTables =
        List.of("mixed_t", "my_table", "myxtable", "quoted_t", "types_t", "types_v");
    DbeaverCalls.Replay replay =
        DbeaverCalls.replay(
            url,
            SESSION_CATALOG,
            schema,
            allTables,
            "SELECT * FROM " + schema + ".types_t ORDER BY i",
            (rs, opened) -> {
              List<Map<String, Object>> typesColumns = opened.get("types_t").columns();
              ResultSetMetaData rsmd = rs.getMetaData();
              assertThat(rsmd.getColumnCount()).isEqualTo(TYPES_T.size());
              for (int c = 1; c <= rsmd.getColumnCount(); c++) {
                Expected e = TYPES_T.get(c - 1);
                Map<String, Object> column = typesColumns.get(c - 1);
                String what = "result column " + e.name();
                soft.assertThat(rsmd.getColumnLabel(c)).as(what + " label").isEqualTo(e.name());
                soft.assertThat(rsmd.getColumnName(c)).as(what + " name").isEqualTo(e.name());
                soft.assertThat(rsmd.getTableName(c)).as(what + " table").isIn("", "types_t");
                soft.assertThat(rsmd.getCatalogName(c))
                    .as(what + " catalog")
                    .isIn("", SESSION_CATALOG);
                soft.assertThat(rsmd.getSchemaName(c)).as(what + " schema").isIn("", schema);
                soft.assertThat(rsmd.isNullable(c))
                    .as(what + " nullability")
                    .isIn(
                        ResultSetMetaData.columnNullable, ResultSetMetaData.columnNullableUnknown);
                soft.assertThat(rsmd.getColumnDisplaySize(c))
                    .as(what + " display size")
                    .isPositive();
                // The SQL editor and the navigator must agree on a column's type.
                soft.assertThat(rsmd.getColumnTypeName(c))
                    .as(what + " type name vs getColumns")
                    .isEqualTo(column.get("TYPE_NAME"));
                soft.assertThat(rsmd.getColumnType(c))
                    .as(what + " type vs getColumns")
                    .isEqualTo(column.get("DATA_TYPE"));
                soft.assertThat(rsmd.isAutoIncrement(c)).as(what + " auto-increment").isFalse();
                int precision = rsmd.getPrecision(c);
                int scale = rsmd.getScale(c);
                if (column.get("COLUMN_SIZE") != null) {
                  soft.assertThat(precision)
                      .as(what + " getPrecision vs getColumns COLUMN_SIZE")
                      .isEqualTo(column.get("COLUMN_SIZE"));
                }
                if (e.jdbcType() == Types.DECIMAL || e.jdbcType() == Types.TIMESTAMP) {
                  soft.assertThat(scale)
                      .as(what + " getScale vs getColumns DECIMAL_DIGITS")
                      .isEqualTo(column.get("DECIMAL_DIGITS"));
                }
                boolean writable = rsmd.isWritable(c);
                soft.assertThat(rsmd.isReadOnly(c) && writable)
                    .as(what + " read-only and writable")
                    .isFalse();
                rsmd.isDefinitelyWritable(c);
                rsmd.isSearchable(c);
                rsmd.isCaseSensitive(c);
                rsmd.isSigned(c);
                rsmd.isCurrency(c);
                rsmd.getColumnClassName(c);
              }

              assertThat(rs.next()).isTrue();
              assertThat(rs.getInt("i")).isEqualTo(1);
              assertThat(rs.getLong("b")).isEqualTo(10_000_000_000L);
              assertThat(rs.getBigDecimal("d")).isEqualTo(new BigDecimal("12.34"));
              assertThat(rs.getString("s")).isEqualTo("hello");
              assertThat(rs.getDate("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 2));
              assertThat(rs.getTimestamp("ts").toLocalDateTime())
                  .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
              assertThat(rs.getBoolean("bo")).isTrue();
              assertThat(rs.getDouble("db")).isEqualTo(1.5);
              assertThat(rs.getBytes("bi")).containsExactly(0xCA, 0xFE);
              Array array = rs.getArray("a");
              assertThat((Object[]) array.getArray()).containsExactly(1, 2);
              assertThat(rs.getObject("m")).isEqualTo(Map.of("k", 7));
              assertThat(((Struct) rs.getObject("st")).getAttributes()).containsExactly(9);

              assertThat(rs.next()).isTrue();
              assertThat(rs.getInt("i")).isEqualTo(2);
              for (int c = 2; c <= TYPES_T.size(); c++) {
                assertThat(rs.getObject(c)).as("NULL in column %d", c).isNull();
                assertThat(rs.wasNull()).isTrue();
              }
              assertThat(rs.next()).isFalse();
              SQLWarning warnings = rs.getWarnings();
              assertThat(warnings == null || warnings.getMessage() != null).isTrue();
            });

    // --- Dialect and capability questions.
    Map<String, Object> d = replay.dialect();
    assertThat(d.get("getDriverMajorVersion")).isEqualTo(driver.getMajorVersion());
    assertThat(d.get("getDriverMinorVersion")).isEqualTo(driver.getMinorVersion());
    assertThat(d.get("getDatabaseMajorVersion")).isEqualTo(4);
    int dbMinor = (Integer) d.get("getDatabaseMinorVersion");
    assertThat(d.get("getIdentifierQuoteString")).isEqualTo("`");
    assertThat(d.get("getSQLStateType")).isEqualTo(DatabaseMetaData.sqlStateSQL);
    try (Connection main = DriverManager.getConnection(url)) {
      // What the driver claims about subqueries and qualified names must hold on the server.
      checkClaim(
          soft,
          main,
          (Boolean) d.get("supportsSubqueriesInComparisons"),
          "comparison subquery",
          "SELECT 1 WHERE 1 = (SELECT 1)");
      checkClaim(
          soft,
          main,
          (Boolean) d.get("supportsSubqueriesInExists"),
          "EXISTS subquery",
          "SELECT 1 WHERE EXISTS (SELECT 1)");
      checkClaim(
          soft,
          main,
          (Boolean) d.get("supportsSubqueriesInIns"),
          "IN subquery",
          "SELECT 1 WHERE 1 IN (SELECT 1)");
      checkClaim(
          soft,
          main,
          (Boolean) d.get("supportsCatalogsInDataManipulation"),
          "catalog-qualified name in DML",
          "SELECT count(*) FROM " + SESSION_CATALOG + "." + schema + ".types_t");
      checkClaim(
          soft,
          main,
          (Boolean) d.get("supportsSchemasInDataManipulation"),
          "schema-qualified name in DML",
          "SELECT count(*) FROM " + schema + ".types_t");
    }
    // Spark's session catalog folds table names to lower case, quoted or not.
    soft.assertThat(
            List.of(
                d.get("supportsMixedCaseIdentifiers"),
                d.get("storesUpperCaseIdentifiers"),
                d.get("storesLowerCaseIdentifiers"),
                d.get("storesMixedCaseIdentifiers")))
        .as("supportsMixedCase/storesUpper/storesLower/storesMixed (unquoted)")
        .containsExactly(false, false, true, false);
    soft.assertThat(
            List.of(
                d.get("supportsMixedCaseQuotedIdentifiers"),
                d.get("storesUpperCaseQuotedIdentifiers"),
                d.get("storesLowerCaseQuotedIdentifiers"),
                d.get("storesMixedCaseQuotedIdentifiers")))
        .as("supportsMixedCase/storesUpper/storesLower/storesMixed (quoted)")
        .containsExactly(false, false, true, false);
    assertThat(d.get("getSearchStringEscape")).isEqualTo("\\");
    assertThat(d.get("getCatalogSeparator")).isEqualTo(".");
    assertThat(d.get("getExtraNameCharacters")).isNotNull();
    assertThat(d.get("isCatalogAtStart")).isEqualTo(true);
    String keywords = (String) d.get("getSQLKeywords");
    assertThat(keywords).isNotBlank();
    soft.assertThat(Arrays.asList(keywords.split(",")))
        .as("getSQLKeywords lists only non-SQL:2003 keywords")
        .doesNotContain("SELECT", "FROM", "WHERE", "TABLE", "CREATE");
    for (String list :
        List.of(
            "getNumericFunctions",
            "getStringFunctions",
            "getSystemFunctions",
            "getTimeDateFunctions")) {
      soft.assertThat((String) d.get(list)).as(list).isNotNull().doesNotContain(" ");
    }
    assertThat((String) d.get("getDatabaseProductName")).isNotBlank();
    assertThat((String) d.get("getDatabaseProductVersion"))
        .startsWith("4.")
        .startsWith("4." + dbMinor);
    assertThat((String) d.get("getDriverName")).isNotBlank();
    assertThat((String) d.get("getDriverVersion"))
        .startsWith(d.get("getDriverMajorVersion") + "." + d.get("getDriverMinorVersion"));
    assertThat((String) d.get("getSchemaTerm")).isNotBlank();
    assertThat((String) d.get("getProcedureTerm")).isNotBlank();
    assertThat((String) d.get("getCatalogTerm")).isNotBlank();
    soft.assertThat(d.get("supportsTransactions"))
        .as("supportsTransactions (Spark has none)")
        .isEqualTo(false);
    for (int level :
        new int[] {
          Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE
        }) {
      soft.assertThat(d.get("supportsTransactionIsolationLevel(" + level + ")"))
          .as("supportsTransactionIsolationLevel(%d) without transactions", level)
          .isEqualTo(false);
    }
    soft.assertThat(d.get("getDefaultTransactionIsolation"))
        .as("getDefaultTransactionIsolation")
        .isEqualTo(Connection.TRANSACTION_NONE);
    soft.assertThat(d.get("getTransactionIsolation"))
        .as("getTransactionIsolation")
        .isEqualTo(Connection.TRANSACTION_NONE);

    // --- Data types.
    Map<String, Integer> typeInfo = new LinkedHashMap<>();
    List<Integer> typeOrder = new ArrayList<>();
    for (Map<String, Object> row : replay.typeInfo()) {
      String name = (String) row.get("TYPE_NAME");
      assertThat(name).isNotBlank();
      typeInfo.put(name, (Integer) row.get("DATA_TYPE"));
      typeOrder.add((Integer) row.get("DATA_TYPE"));
    }
    assertThat(typeInfo)
        .containsEntry("INT", Types.INTEGER)
        .containsEntry("BIGINT", Types.BIGINT)
        .containsEntry("DECIMAL", Types.DECIMAL)
        .containsEntry("STRING", Types.VARCHAR)
        .containsEntry("DATE", Types.DATE)
        .containsEntry("TIMESTAMP", Types.TIMESTAMP)
        .containsEntry("ARRAY", Types.ARRAY)
        .containsKeys("MAP")
        .containsEntry("STRUCT", Types.STRUCT);
    soft.assertThat(typeOrder).as("getTypeInfo ordered by DATA_TYPE").isSorted();

    // --- Navigator: catalogs, schemas, current catalog/schema, table types.
    assertThat(replay.catalogs()).contains(SESSION_CATALOG);
    List<String[]> schemas = replay.schemas();
    assertThat(schemas).anySatisfy(r -> assertThat(r).containsExactly(SESSION_CATALOG, schema));
    List<String> schemaOrder = schemas.stream().map(r -> r[0] + "\u0000" + r[1]).toList();
    soft.assertThat(schemaOrder).as("getSchemas ordered by TABLE_CATALOG, TABLE_SCHEM").isSorted();
    assertThat(replay.schemaLookup()).containsExactly(schema);
    assertThat(replay.currentCatalog()).isEqualTo(SESSION_CATALOG);
    assertThat(replay.currentSchema()).isEqualTo("default");
    assertThat(replay.tableTypes())
        .contains("TABLE", "VIEW", "LOCAL TEMPORARY", "GLOBAL TEMPORARY")
        .isSorted();

    // --- Tables of the schema.
    Map<String, String> tables = new TreeMap<>();
    Map<String, String> remarks = new TreeMap<>();
    List<String> tableOrder = new ArrayList<>();
    for (Map<String, Object> row : replay.tables()) {
      assertThat(row.get("TABLE_CAT")).isEqualTo(SESSION_CATALOG);
      assertThat(row.get("TABLE_SCHEM")).isEqualTo(schema);
      String name = (String) row.get("TABLE_NAME");
      tables.put(name, (String) row.get("TABLE_TYPE"));
      remarks.put(name, (String) row.get("REMARKS"));
      tableOrder.add(row.get("TABLE_TYPE") + "\u0000" + name);
    }
    assertThat(tables)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "types_t",
                "TABLE",
                "types_v",
                "VIEW",
                "my_table",
                "TABLE",
                "myxtable",
                "TABLE",
                "mixed_t",
                "TABLE",
                "quoted_t",
                "TABLE"));
    soft.assertThat(tableOrder).as("getTables ordered by TABLE_TYPE, ..., TABLE_NAME").isSorted();
    soft.assertThat(remarks.get("types_t"))
        .as("REMARKS of types_t (COMMENT 'many types')")
        .isEqualTo("many types");
    soft.assertThat(remarks.get("types_v"))
        .as("REMARKS of types_v (COMMENT 'two columns')")
        .isEqualTo("two columns");
    assertThat(replay.views()).containsExactly("types_v");

    // --- Table editor: columns, keys and indexes of every table.
    assertThat(replay.opened().keySet()).containsExactlyInAnyOrderElementsOf(tables.keySet());
    Map<String, List<Map<String, Object>>> columnsByTable = new TreeMap<>();
    for (Map.Entry<String, DbeaverCalls.OpenedTable> e : replay.opened().entrySet()) {
      String table = e.getKey();
      DbeaverCalls.OpenedTable opened = e.getValue();
      for (Map<String, Object> c : opened.columns()) {
        assertThat(c.get("TABLE_CAT")).isEqualTo(SESSION_CATALOG);
        assertThat(c.get("TABLE_SCHEM")).isEqualTo(schema);
        assertThat(c.get("TABLE_NAME")).isEqualTo(table);
      }
      columnsByTable.put(table, opened.columns());
      expectEmpty(
          opened.primaryKeys(),
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "KEY_SEQ",
          "PK_NAME");
      expectEmpty(opened.importedKeys(), FOREIGN_KEY_COLUMNS);
      expectEmpty(opened.exportedKeys(), FOREIGN_KEY_COLUMNS);
      expectEmpty(
          opened.indexes(),
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "NON_UNIQUE",
          "INDEX_QUALIFIER",
          "INDEX_NAME",
          "TYPE",
          "ORDINAL_POSITION",
          "COLUMN_NAME",
          "ASC_OR_DESC",
          "CARDINALITY",
          "PAGES",
          "FILTER_CONDITION");
    }
    assertThat(names(columnsByTable.get("my_table"))).containsExactly("id");
    assertThat(names(columnsByTable.get("myxtable"))).containsExactly("id", "x");
    assertThat(names(columnsByTable.get("types_v"))).containsExactly("i", "s");
    assertThat(names(columnsByTable.get("mixed_t"))).containsExactly("Id");
    assertThat(names(columnsByTable.get("quoted_t"))).containsExactly("Id");
    List<Map<String, Object>> typesColumns = columnsByTable.get("types_t");
    assertThat(names(typesColumns))
        .containsExactlyElementsOf(TYPES_T.stream().map(Expected::name).toList());
    for (int k = 0; k < TYPES_T.size(); k++) {
      checkColumn(soft, TYPES_T.get(k), typesColumns.get(k), k + 1, typeInfo.keySet());
    }
    soft.assertThat(typesColumns.get(0).get("REMARKS"))
        .as("REMARKS of i (COMMENT 'the key')")
        .isEqualTo("the key");
    soft.assertThat(typesColumns.get(3).get("COLUMN_DEF"))
        .as("COLUMN_DEF of s (DEFAULT 'x')")
        .isEqualTo("'x'");

    // --- Procedures and functions.
    expectEmpty(
        replay.procedures(),
        "PROCEDURE_CAT",
        "PROCEDURE_SCHEM",
        "PROCEDURE_NAME",
        null,
        null,
        null,
        "REMARKS",
        "PROCEDURE_TYPE",
        "SPECIFIC_NAME");
    assertThat(replay.functions()).contains("abs", "upper");

    // --- Keep-alive, and the SQL editor's statement closed at the end.
    assertThat(replay.valid()).isTrue();
    assertThat(replay.statementClosed()).isTrue();

    try (Connection main = DriverManager.getConnection(url)) {
      DatabaseMetaData md = main.getMetaData();
      // --- A name with '_' looked up literally through the escape.
      String escape = md.getSearchStringEscape();
      assertThat(
              TestSchemas.strings(
                  md.getTables(SESSION_CATALOG, schema, "my" + escape + "_table", null),
                  "TABLE_NAME"))
          .containsExactly("my_table");
      assertThat(
              TestSchemas.strings(
                  md.getColumns(SESSION_CATALOG, schema, "my" + escape + "_table", "%"),
                  "COLUMN_NAME"))
          .containsExactly("id");
      // Unescaped, '_' is the one-character wildcard of the specification.
      assertThat(
              TestSchemas.strings(
                  md.getTables(SESSION_CATALOG, schema, "my_table", null), "TABLE_NAME"))
          .containsExactlyInAnyOrder("my_table", "myxtable");

      // setMaxRows(200) caps a longer result.
      Statement st = main.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      st.setMaxRows(200);
      assertThat(st.getMaxRows()).isEqualTo(200);
      try (ResultSet rs = st.executeQuery("SELECT id FROM range(1000)")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertThat(n).as("rows of a 1000-row query with setMaxRows(200)").isEqualTo(200);
      }
      st.cancel(); // harmless after the query has ended
      st.close();
      assertThat(st.isClosed()).isTrue();
    }
    soft.assertAll();
  }

  @Test
  void setCatalogAndSetSchemaSwitchWhereUnqualifiedNamesResolve() throws SQLException {
    try (Connection main = DriverManager.getConnection(url);
        Connection other = DriverManager.getConnection(url)) {
      main.setCatalog(SESSION_CATALOG);
      assertThat(main.getCatalog()).isEqualTo(SESSION_CATALOG);
      main.setSchema(schema);
      assertThat(main.getSchema()).isEqualTo(schema);
      assertThat(main.getCatalog()).isEqualTo(SESSION_CATALOG);
      try (Statement s = main.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM types_t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2);
      }
      // An unqualified CREATE lands in the new current schema.
      TestSchemas.execute(main, "CREATE TABLE unqualified_t (id INT) USING parquet");
      try {
        assertThat(
                TestSchemas.strings(
                    main.getMetaData().getTables(SESSION_CATALOG, schema, "unqualified_t", null),
                    "TABLE_SCHEM"))
            .containsExactly(schema);
      } finally {
        TestSchemas.execute(main, "DROP TABLE " + schema + ".unqualified_t");
      }
      // Each connection is its own session: the other one still uses the default schema.
      assertThat(other.getSchema()).isEqualTo("default");
      main.setSchema("default");
      assertThat(main.getSchema()).isEqualTo("default");
    }
  }

  private static final String[] FOREIGN_KEY_COLUMNS = {
    "PKTABLE_CAT",
    "PKTABLE_SCHEM",
    "PKTABLE_NAME",
    "PKCOLUMN_NAME",
    "FKTABLE_CAT",
    "FKTABLE_SCHEM",
    "FKTABLE_NAME",
    "FKCOLUMN_NAME",
    "KEY_SEQ",
    "UPDATE_RULE",
    "DELETE_RULE",
    "FK_NAME",
    "PK_NAME",
    "DEFERRABILITY"
  };

  private static List<Object> names(List<Map<String, Object>> columns) {
    return columns.stream().map(c -> c.get("COLUMN_NAME")).toList();
  }

  private static void checkColumn(
      SoftAssertions soft,
      Expected e,
      Map<String, Object> c,
      int position,
      Set<String> typeInfoNames) {
    String what = "getColumns " + e.name() + " ";
    soft.assertThat(c.get("DATA_TYPE")).as(what + "DATA_TYPE").isEqualTo(e.jdbcType());
    soft.assertThat((String) c.get("TYPE_NAME")).as(what + "TYPE_NAME").startsWith(e.typeName());
    soft.assertThat(typeInfoNames)
        .as(what + "TYPE_NAME listed by getTypeInfo")
        .contains((String) c.get("TYPE_NAME"));
    if (e.size() != null) {
      soft.assertThat(c.get("COLUMN_SIZE")).as(what + "COLUMN_SIZE").isEqualTo(e.size());
    }
    if (e.jdbcType() == Types.DECIMAL || e.jdbcType() == Types.TIMESTAMP) {
      soft.assertThat(c.get("DECIMAL_DIGITS"))
          .as(what + "DECIMAL_DIGITS")
          .isEqualTo(e.decimalDigits());
    } else if (e.decimalDigits() != null) {
      // Integral types: 0 fractional digits, or null ("not applicable").
      soft.assertThat(c.get("DECIMAL_DIGITS")).as(what + "DECIMAL_DIGITS").isIn(null, 0);
    }
    if (e.radix() != null) {
      soft.assertThat(c.get("NUM_PREC_RADIX")).as(what + "NUM_PREC_RADIX").isEqualTo(e.radix());
    }
    // Spark's parquet tables have nullable columns.
    soft.assertThat(c.get("NULLABLE"))
        .as(what + "NULLABLE")
        .isEqualTo(DatabaseMetaData.columnNullable);
    soft.assertThat(c.get("IS_NULLABLE")).as(what + "IS_NULLABLE").isEqualTo("YES");
    soft.assertThat(c.get("ORDINAL_POSITION")).as(what + "ORDINAL_POSITION").isEqualTo(position);
    soft.assertThat(c.get("IS_AUTOINCREMENT")).as(what + "IS_AUTOINCREMENT").isEqualTo("NO");
    soft.assertThat(c.get("IS_GENERATEDCOLUMN")).as(what + "IS_GENERATEDCOLUMN").isEqualTo("NO");
    if (e.jdbcType() == Types.VARCHAR) {
      soft.assertThat((Integer) c.get("CHAR_OCTET_LENGTH"))
          .as(what + "CHAR_OCTET_LENGTH")
          .isNotNull()
          .isPositive();
    } else {
      soft.assertThat(c.get("CHAR_OCTET_LENGTH"))
          .as(what + "CHAR_OCTET_LENGTH (not text)")
          .isNull();
    }
  }

  /** An empty listing whose labels are the specification's (null: reserved, any label). */
  private static void expectEmpty(DbeaverCalls.Listing listing, String... labels) {
    List<String> actual = listing.labels();
    assertThat(actual).hasSize(labels.length);
    for (int k = 0; k < labels.length; k++) {
      if (labels[k] != null) {
        assertThat(actual.get(k)).isEqualTo(labels[k]);
      }
    }
    assertThat(listing.rows()).isZero();
  }

  /** A capability the driver reports as supported must work on the server. */
  private static void checkClaim(
      SoftAssertions soft, Connection c, boolean claimed, String what, String sql) {
    if (!claimed) {
      return;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      soft.assertThat(rs.next()).as(what + " returns a row").isTrue();
    } catch (SQLException e) {
      soft.fail("the driver reports support for " + what + " but " + sql + " fails: " + e);
    }
  }
}
