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
    Properties props = new Properties();
    props.setProperty("user", "dbeaver");
    props.setProperty("password", "");
    try (Connection main = driver.connect(url, props);
        Connection meta = driver.connect(url, props)) {
      assertThat(main).isNotNull();
      assertThat(meta).isNotNull();

      // --- Connection setup.
      main.setAutoCommit(true);
      meta.setAutoCommit(true);
      assertThat(main.getAutoCommit()).isTrue();
      assertThat(meta.getAutoCommit()).isTrue();

      DatabaseMetaData md = meta.getMetaData();
      assertThat(md.getConnection()).isSameAs(meta);

      // --- Dialect and capability questions.
      assertThat(md.getDriverMajorVersion()).isEqualTo(driver.getMajorVersion());
      assertThat(md.getDriverMinorVersion()).isEqualTo(driver.getMinorVersion());
      assertThat(md.getDatabaseMajorVersion()).isEqualTo(4);
      int dbMinor = md.getDatabaseMinorVersion();
      assertThat(md.getIdentifierQuoteString()).isEqualTo("`");
      assertThat(md.getSQLStateType()).isEqualTo(DatabaseMetaData.sqlStateSQL);
      // What the driver claims about subqueries must hold on the server.
      checkClaim(
          soft,
          main,
          md.supportsSubqueriesInComparisons(),
          "comparison subquery",
          "SELECT 1 WHERE 1 = (SELECT 1)");
      checkClaim(
          soft,
          main,
          md.supportsSubqueriesInExists(),
          "EXISTS subquery",
          "SELECT 1 WHERE EXISTS (SELECT 1)");
      checkClaim(
          soft,
          main,
          md.supportsSubqueriesInIns(),
          "IN subquery",
          "SELECT 1 WHERE 1 IN (SELECT 1)");
      md.supportsSubqueriesInQuantifieds();
      boolean mixed = md.supportsMixedCaseIdentifiers();
      boolean mixedQuoted = md.supportsMixedCaseQuotedIdentifiers();
      boolean upper = md.storesUpperCaseIdentifiers();
      boolean lower = md.storesLowerCaseIdentifiers();
      boolean mixedStored = md.storesMixedCaseIdentifiers();
      boolean upperQuoted = md.storesUpperCaseQuotedIdentifiers();
      boolean lowerQuoted = md.storesLowerCaseQuotedIdentifiers();
      boolean mixedStoredQuoted = md.storesMixedCaseQuotedIdentifiers();
      // Spark's session catalog folds table names to lower case, quoted or not.
      soft.assertThat(List.of(mixed, upper, lower, mixedStored))
          .as("supportsMixedCase/storesUpper/storesLower/storesMixed (unquoted)")
          .containsExactly(false, false, true, false);
      soft.assertThat(List.of(mixedQuoted, upperQuoted, lowerQuoted, mixedStoredQuoted))
          .as("supportsMixedCase/storesUpper/storesLower/storesMixed (quoted)")
          .containsExactly(false, false, true, false);
      assertThat(md.getSearchStringEscape()).isEqualTo("\\");
      assertThat(md.getCatalogSeparator()).isEqualTo(".");
      boolean catalogsInDml = md.supportsCatalogsInDataManipulation();
      md.supportsCatalogsInProcedureCalls();
      md.supportsCatalogsInTableDefinitions();
      md.supportsCatalogsInIndexDefinitions();
      md.supportsCatalogsInPrivilegeDefinitions();
      boolean schemasInDml = md.supportsSchemasInDataManipulation();
      md.supportsSchemasInProcedureCalls();
      md.supportsSchemasInTableDefinitions();
      md.supportsSchemasInIndexDefinitions();
      md.supportsSchemasInPrivilegeDefinitions();
      assertThat(md.getExtraNameCharacters()).isNotNull();
      assertThat(md.isCatalogAtStart()).isTrue();
      checkClaim(
          soft,
          main,
          catalogsInDml,
          "catalog-qualified name in DML",
          "SELECT count(*) FROM " + SESSION_CATALOG + "." + schema + ".types_t");
      checkClaim(
          soft,
          main,
          schemasInDml,
          "schema-qualified name in DML",
          "SELECT count(*) FROM " + schema + ".types_t");
      String keywords = md.getSQLKeywords();
      assertThat(keywords).isNotBlank();
      soft.assertThat(Arrays.asList(keywords.split(",")))
          .as("getSQLKeywords lists only non-SQL:2003 keywords")
          .doesNotContain("SELECT", "FROM", "WHERE", "TABLE", "CREATE");
      for (String list :
          List.of(
              md.getNumericFunctions(),
              md.getStringFunctions(),
              md.getSystemFunctions(),
              md.getTimeDateFunctions())) {
        soft.assertThat(list).as("function list").isNotNull().doesNotContain(" ");
      }
      assertThat(md.getDatabaseProductName()).isNotBlank();
      assertThat(md.getDatabaseProductVersion()).startsWith("4.").startsWith("4." + dbMinor);
      assertThat(md.getDriverName()).isNotBlank();
      assertThat(md.getDriverVersion())
          .startsWith(md.getDriverMajorVersion() + "." + md.getDriverMinorVersion());
      assertThat(md.getSchemaTerm()).isNotBlank();
      assertThat(md.getProcedureTerm()).isNotBlank();
      assertThat(md.getCatalogTerm()).isNotBlank();
      md.supportsBatchUpdates();
      boolean transactions = md.supportsTransactions();
      soft.assertThat(transactions).as("supportsTransactions (Spark has none)").isFalse();
      for (int level :
          new int[] {
            Connection.TRANSACTION_READ_UNCOMMITTED,
            Connection.TRANSACTION_READ_COMMITTED,
            Connection.TRANSACTION_REPEATABLE_READ,
            Connection.TRANSACTION_SERIALIZABLE
          }) {
        soft.assertThat(md.supportsTransactionIsolationLevel(level))
            .as("supportsTransactionIsolationLevel(%d) without transactions", level)
            .isFalse();
      }
      md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE);
      soft.assertThat(md.getDefaultTransactionIsolation())
          .as("getDefaultTransactionIsolation")
          .isEqualTo(Connection.TRANSACTION_NONE);
      soft.assertThat(meta.getTransactionIsolation())
          .as("getTransactionIsolation")
          .isEqualTo(Connection.TRANSACTION_NONE);

      // --- Data types.
      Map<String, Integer> typeInfo = new LinkedHashMap<>();
      List<Integer> typeOrder = new ArrayList<>();
      try (ResultSet rs = md.getTypeInfo()) {
        while (rs.next()) {
          String name = rs.getString("TYPE_NAME");
          int dataType = rs.getInt("DATA_TYPE");
          rs.getInt("PRECISION");
          rs.getString("LITERAL_PREFIX");
          rs.getString("LITERAL_SUFFIX");
          rs.getString("CREATE_PARAMS");
          rs.getInt("NULLABLE");
          rs.getBoolean("CASE_SENSITIVE");
          rs.getInt("SEARCHABLE");
          rs.getBoolean("UNSIGNED_ATTRIBUTE");
          rs.getBoolean("FIXED_PREC_SCALE");
          rs.getBoolean("AUTO_INCREMENT");
          rs.getString("LOCAL_TYPE_NAME");
          rs.getInt("MINIMUM_SCALE");
          rs.getInt("MAXIMUM_SCALE");
          rs.getInt("NUM_PREC_RADIX");
          assertThat(name).isNotBlank();
          typeInfo.put(name, dataType);
          typeOrder.add(dataType);
        }
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
      assertThat(TestSchemas.strings(md.getCatalogs(), "TABLE_CAT")).contains(SESSION_CATALOG);
      List<String[]> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(new String[] {rs.getString("TABLE_CATALOG"), rs.getString("TABLE_SCHEM")});
        }
      }
      assertThat(schemas).anySatisfy(r -> assertThat(r).containsExactly(SESSION_CATALOG, schema));
      List<String> schemaOrder = schemas.stream().map(r -> r[0] + "\u0000" + r[1]).toList();
      soft.assertThat(schemaOrder)
          .as("getSchemas ordered by TABLE_CATALOG, TABLE_SCHEM")
          .isSorted();
      assertThat(TestSchemas.strings(md.getSchemas(SESSION_CATALOG, schema), "TABLE_SCHEM"))
          .containsExactly(schema);
      assertThat(meta.getCatalog()).isEqualTo(SESSION_CATALOG);
      assertThat(meta.getSchema()).isEqualTo("default");
      List<String> tableTypes = TestSchemas.strings(md.getTableTypes(), "TABLE_TYPE");
      assertThat(tableTypes)
          .contains("TABLE", "VIEW", "LOCAL TEMPORARY", "GLOBAL TEMPORARY")
          .isSorted();

      // --- Tables of the schema.
      Map<String, String> tables = new TreeMap<>();
      Map<String, String> remarks = new TreeMap<>();
      List<String> tableOrder = new ArrayList<>();
      try (ResultSet rs = md.getTables(SESSION_CATALOG, schema, "%", null)) {
        while (rs.next()) {
          assertThat(rs.getString("TABLE_CAT")).isEqualTo(SESSION_CATALOG);
          assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(schema);
          String name = rs.getString("TABLE_NAME");
          tables.put(name, rs.getString("TABLE_TYPE"));
          remarks.put(name, rs.getString("REMARKS"));
          tableOrder.add(rs.getString("TABLE_TYPE") + "\u0000" + name);
          rs.getString("TYPE_CAT");
          rs.getString("TYPE_SCHEM");
          rs.getString("TYPE_NAME");
          rs.getString("SELF_REFERENCING_COL_NAME");
          rs.getString("REF_GENERATION");
        }
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
      assertThat(
              TestSchemas.strings(
                  md.getTables(SESSION_CATALOG, schema, "%", new String[] {"VIEW"}), "TABLE_NAME"))
          .containsExactly("types_v");

      // --- Table editor: columns, keys and indexes of every table.
      Map<String, List<Map<String, Object>>> columnsByTable = new TreeMap<>();
      for (String table : tables.keySet()) {
        List<Map<String, Object>> columns = readColumnsLikeDbeaver(md, table);
        columnsByTable.put(table, columns);
        expectEmpty(
            md.getPrimaryKeys(SESSION_CATALOG, schema, table),
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "COLUMN_NAME",
            "KEY_SEQ",
            "PK_NAME");
        expectEmpty(md.getImportedKeys(SESSION_CATALOG, schema, table), FOREIGN_KEY_COLUMNS);
        expectEmpty(md.getExportedKeys(SESSION_CATALOG, schema, table), FOREIGN_KEY_COLUMNS);
        expectEmpty(
            md.getIndexInfo(SESSION_CATALOG, schema, table, false, true),
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
          md.getProcedures(SESSION_CATALOG, schema, "%"),
          "PROCEDURE_CAT",
          "PROCEDURE_SCHEM",
          "PROCEDURE_NAME",
          null,
          null,
          null,
          "REMARKS",
          "PROCEDURE_TYPE",
          "SPECIFIC_NAME");
      List<String> functions =
          TestSchemas.strings(md.getFunctions(null, null, "%"), "FUNCTION_NAME");
      assertThat(functions).contains("abs", "upper");

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

      // --- Keep-alive.
      assertThat(main.isValid(5)).isTrue();

      // --- SQL editor: a query with DBeaver's statement settings.
      Statement st = main.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      assertThat(st.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(st.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      st.setMaxRows(200);
      st.setFetchSize(100);
      assertThat(st.getMaxRows()).isEqualTo(200);
      assertThat(st.execute("SELECT * FROM " + schema + ".types_t ORDER BY i")).isTrue();
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData rsmd = rs.getMetaData();
        assertThat(rsmd.getColumnCount()).isEqualTo(TYPES_T.size());
        for (int c = 1; c <= rsmd.getColumnCount(); c++) {
          Expected e = TYPES_T.get(c - 1);
          Map<String, Object> column = typesColumns.get(c - 1);
          String what = "result column " + e.name();
          soft.assertThat(rsmd.getColumnLabel(c)).as(what + " label").isEqualTo(e.name());
          soft.assertThat(rsmd.getColumnName(c)).as(what + " name").isEqualTo(e.name());
          soft.assertThat(rsmd.getTableName(c)).as(what + " table").isIn("", "types_t");
          soft.assertThat(rsmd.getCatalogName(c)).as(what + " catalog").isIn("", SESSION_CATALOG);
          soft.assertThat(rsmd.getSchemaName(c)).as(what + " schema").isIn("", schema);
          soft.assertThat(rsmd.isNullable(c))
              .as(what + " nullability")
              .isIn(ResultSetMetaData.columnNullable, ResultSetMetaData.columnNullableUnknown);
          soft.assertThat(rsmd.getColumnDisplaySize(c)).as(what + " display size").isPositive();
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
      }
      st.getWarnings();
      st.getUpdateCount();
      // setMaxRows(200) caps a longer result.
      try (ResultSet rs = st.executeQuery("SELECT id FROM range(1000)")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertThat(n).as("rows of a 1000-row query with setMaxRows(200)").isEqualTo(200);
      }
      st.cancel(); // the user pressed "stop" after the query had ended: harmless
      st.close();
      assertThat(st.isClosed()).isTrue();
      assertThat(main.isValid(5)).isTrue();
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

  /**
   * getColumns for one table, reading each value DBeaver reads, by label. Like DBeaver, the table
   * name is escaped with getSearchStringEscape() so that '_' in it is no wildcard.
   */
  private List<Map<String, Object>> readColumnsLikeDbeaver(DatabaseMetaData md, String table)
      throws SQLException {
    String escape = md.getSearchStringEscape();
    String pattern =
        table
            .replace(escape, escape + escape)
            .replace("_", escape + "_")
            .replace("%", escape + "%");
    List<Map<String, Object>> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(SESSION_CATALOG, schema, pattern, "%")) {
      while (rs.next()) {
        assertThat(rs.getString("TABLE_CAT")).isEqualTo(SESSION_CATALOG);
        assertThat(rs.getString("TABLE_SCHEM")).isEqualTo(schema);
        assertThat(rs.getString("TABLE_NAME")).isEqualTo(table);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("COLUMN_NAME", rs.getString("COLUMN_NAME"));
        c.put("DATA_TYPE", rs.getInt("DATA_TYPE"));
        c.put("TYPE_NAME", rs.getString("TYPE_NAME"));
        c.put("COLUMN_SIZE", nullable(rs, rs.getInt("COLUMN_SIZE")));
        c.put("DECIMAL_DIGITS", nullable(rs, rs.getInt("DECIMAL_DIGITS")));
        c.put("NUM_PREC_RADIX", nullable(rs, rs.getInt("NUM_PREC_RADIX")));
        c.put("NULLABLE", rs.getInt("NULLABLE"));
        c.put("REMARKS", rs.getString("REMARKS"));
        c.put("COLUMN_DEF", rs.getString("COLUMN_DEF"));
        c.put("ORDINAL_POSITION", rs.getInt("ORDINAL_POSITION"));
        c.put("IS_NULLABLE", rs.getString("IS_NULLABLE"));
        c.put("IS_AUTOINCREMENT", rs.getString("IS_AUTOINCREMENT"));
        c.put("IS_GENERATEDCOLUMN", rs.getString("IS_GENERATEDCOLUMN"));
        c.put("CHAR_OCTET_LENGTH", nullable(rs, rs.getInt("CHAR_OCTET_LENGTH")));
        out.add(c);
      }
    }
    return out;
  }

  private static Integer nullable(ResultSet rs, int value) throws SQLException {
    return rs.wasNull() ? null : value;
  }

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

  /** An empty result whose labels are the specification's (null: reserved, any label). */
  private static void expectEmpty(ResultSet result, String... labels) throws SQLException {
    try (ResultSet rs = result) {
      List<String> actual = TestSchemas.labels(rs);
      assertThat(actual).hasSize(labels.length);
      for (int k = 0; k < labels.length; k++) {
        if (labels[k] != null) {
          assertThat(actual.get(k)).isEqualTo(labels[k]);
        }
      }
      assertThat(rs.next()).isFalse();
    }
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
