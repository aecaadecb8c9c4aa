package dev.sparkjdbc.tck.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@link DatabaseMetaData} method that returns a result set answers with the columns the JDBC
 * 4.3 specification lists for it, label for label and type for type. The expected lists are copied
 * from the javadoc of {@code java.sql.DatabaseMetaData} (String → VARCHAR, int → INTEGER, short →
 * SMALLINT, long → BIGINT, boolean → BOOLEAN), not from the driver. Where a result has rows, every
 * value's class agrees with {@code getColumnClassName}.
 */
@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataLayoutTest {
  /** A column of the specification: its label and JDBC type (null: the spec names no type). */
  private record Col(String label, Integer type) {
    @Override
    public String toString() {
      return label + ":" + (type == null ? "?" : JDBCType.valueOf(type).getName());
    }
  }

  private interface Call {
    ResultSet on(DatabaseMetaData md) throws SQLException;
  }

  private record Case(String method, Call call, List<Col> expected) {}

  private final String schema = TestSchemas.unique("meta_layout");
  private String url;
  private Connection connection;

  @BeforeAll
  void createObjects(SparkConnectServer server) throws SQLException {
    url = server.url();
    connection = DriverManager.getConnection(url);
    TestSchemas.execute(
        connection,
        "CREATE SCHEMA " + schema,
        "CREATE TABLE " + schema + ".t (id INT, name STRING, price DECIMAL(10,2)) USING parquet",
        "CREATE VIEW " + schema + ".v AS SELECT id, name FROM " + schema + ".t");
  }

  @AfterAll
  void dropObjects() throws SQLException {
    try {
      connection.close();
    } finally {
      TestSchemas.dropQuietly(url, schema);
    }
  }

  private static Col s(String label) {
    return new Col(label, Types.VARCHAR);
  }

  private static Col i(String label) {
    return new Col(label, Types.INTEGER);
  }

  private static Col h(String label) {
    return new Col(label, Types.SMALLINT);
  }

  private static Col l(String label) {
    return new Col(label, Types.BIGINT);
  }

  private static Col b(String label) {
    return new Col(label, Types.BOOLEAN);
  }

  /** A column whose label and type the specification leaves open ("reserved for future use"). */
  private static Col reserved() {
    return new Col(null, null);
  }

  /** A column the specification names but gives no type ("BUFFER_LENGTH is not used"). */
  private static Col untyped(String label) {
    return new Col(label, null);
  }

  private static final List<Col> PROCEDURES =
      List.of(
          s("PROCEDURE_CAT"),
          s("PROCEDURE_SCHEM"),
          s("PROCEDURE_NAME"),
          reserved(),
          reserved(),
          reserved(),
          s("REMARKS"),
          h("PROCEDURE_TYPE"),
          s("SPECIFIC_NAME"));
  private static final List<Col> PROCEDURE_COLUMNS =
      List.of(
          s("PROCEDURE_CAT"),
          s("PROCEDURE_SCHEM"),
          s("PROCEDURE_NAME"),
          s("COLUMN_NAME"),
          h("COLUMN_TYPE"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("PRECISION"),
          i("LENGTH"),
          h("SCALE"),
          h("RADIX"),
          h("NULLABLE"),
          s("REMARKS"),
          s("COLUMN_DEF"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SPECIFIC_NAME"));
  private static final List<Col> TABLES =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("TABLE_TYPE"),
          s("REMARKS"),
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("SELF_REFERENCING_COL_NAME"),
          s("REF_GENERATION"));
  private static final List<Col> SCHEMAS = List.of(s("TABLE_SCHEM"), s("TABLE_CATALOG"));
  private static final List<Col> CATALOGS = List.of(s("TABLE_CAT"));
  private static final List<Col> TABLE_TYPES = List.of(s("TABLE_TYPE"));
  private static final List<Col> COLUMNS =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("COLUMN_SIZE"),
          untyped("BUFFER_LENGTH"),
          i("DECIMAL_DIGITS"),
          i("NUM_PREC_RADIX"),
          i("NULLABLE"),
          s("REMARKS"),
          s("COLUMN_DEF"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SCOPE_CATALOG"),
          s("SCOPE_SCHEMA"),
          s("SCOPE_TABLE"),
          h("SOURCE_DATA_TYPE"),
          s("IS_AUTOINCREMENT"),
          s("IS_GENERATEDCOLUMN"));
  private static final List<Col> COLUMN_PRIVILEGES =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          s("GRANTOR"),
          s("GRANTEE"),
          s("PRIVILEGE"),
          s("IS_GRANTABLE"));
  private static final List<Col> TABLE_PRIVILEGES =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("GRANTOR"),
          s("GRANTEE"),
          s("PRIVILEGE"),
          s("IS_GRANTABLE"));
  private static final List<Col> BEST_ROW_IDENTIFIER =
      List.of(
          h("SCOPE"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("COLUMN_SIZE"),
          i("BUFFER_LENGTH"),
          h("DECIMAL_DIGITS"),
          h("PSEUDO_COLUMN"));
  private static final List<Col> VERSION_COLUMNS =
      List.of(
          h("SCOPE"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("COLUMN_SIZE"),
          i("BUFFER_LENGTH"),
          h("DECIMAL_DIGITS"),
          h("PSEUDO_COLUMN"));
  private static final List<Col> PRIMARY_KEYS =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          h("KEY_SEQ"),
          s("PK_NAME"));
  private static final List<Col> KEYS =
      List.of(
          s("PKTABLE_CAT"),
          s("PKTABLE_SCHEM"),
          s("PKTABLE_NAME"),
          s("PKCOLUMN_NAME"),
          s("FKTABLE_CAT"),
          s("FKTABLE_SCHEM"),
          s("FKTABLE_NAME"),
          s("FKCOLUMN_NAME"),
          h("KEY_SEQ"),
          h("UPDATE_RULE"),
          h("DELETE_RULE"),
          s("FK_NAME"),
          s("PK_NAME"),
          h("DEFERRABILITY"));
  private static final List<Col> TYPE_INFO =
      List.of(
          s("TYPE_NAME"),
          i("DATA_TYPE"),
          i("PRECISION"),
          s("LITERAL_PREFIX"),
          s("LITERAL_SUFFIX"),
          s("CREATE_PARAMS"),
          h("NULLABLE"),
          b("CASE_SENSITIVE"),
          h("SEARCHABLE"),
          b("UNSIGNED_ATTRIBUTE"),
          b("FIXED_PREC_SCALE"),
          b("AUTO_INCREMENT"),
          s("LOCAL_TYPE_NAME"),
          h("MINIMUM_SCALE"),
          h("MAXIMUM_SCALE"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("NUM_PREC_RADIX"));
  private static final List<Col> INDEX_INFO =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          b("NON_UNIQUE"),
          s("INDEX_QUALIFIER"),
          s("INDEX_NAME"),
          h("TYPE"),
          h("ORDINAL_POSITION"),
          s("COLUMN_NAME"),
          s("ASC_OR_DESC"),
          l("CARDINALITY"),
          l("PAGES"),
          s("FILTER_CONDITION"));
  private static final List<Col> UDTS =
      List.of(
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("CLASS_NAME"),
          i("DATA_TYPE"),
          s("REMARKS"),
          h("BASE_TYPE"));
  private static final List<Col> SUPER_TYPES =
      List.of(
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("SUPERTYPE_CAT"),
          s("SUPERTYPE_SCHEM"),
          s("SUPERTYPE_NAME"));
  private static final List<Col> SUPER_TABLES =
      List.of(s("TABLE_CAT"), s("TABLE_SCHEM"), s("TABLE_NAME"), s("SUPERTABLE_NAME"));
  private static final List<Col> ATTRIBUTES =
      List.of(
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("ATTR_NAME"),
          i("DATA_TYPE"),
          s("ATTR_TYPE_NAME"),
          i("ATTR_SIZE"),
          i("DECIMAL_DIGITS"),
          i("NUM_PREC_RADIX"),
          i("NULLABLE"),
          s("REMARKS"),
          s("ATTR_DEF"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SCOPE_CATALOG"),
          s("SCOPE_SCHEMA"),
          s("SCOPE_TABLE"),
          h("SOURCE_DATA_TYPE"));
  private static final List<Col> CLIENT_INFO_PROPERTIES =
      List.of(s("NAME"), i("MAX_LEN"), s("DEFAULT_VALUE"), s("DESCRIPTION"));
  private static final List<Col> FUNCTIONS =
      List.of(
          s("FUNCTION_CAT"),
          s("FUNCTION_SCHEM"),
          s("FUNCTION_NAME"),
          s("REMARKS"),
          h("FUNCTION_TYPE"),
          s("SPECIFIC_NAME"));
  private static final List<Col> FUNCTION_COLUMNS =
      List.of(
          s("FUNCTION_CAT"),
          s("FUNCTION_SCHEM"),
          s("FUNCTION_NAME"),
          s("COLUMN_NAME"),
          h("COLUMN_TYPE"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("PRECISION"),
          i("LENGTH"),
          h("SCALE"),
          h("RADIX"),
          h("NULLABLE"),
          s("REMARKS"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SPECIFIC_NAME"));
  private static final List<Col> PSEUDO_COLUMNS =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          i("COLUMN_SIZE"),
          i("DECIMAL_DIGITS"),
          i("NUM_PREC_RADIX"),
          s("COLUMN_USAGE"),
          s("REMARKS"),
          i("CHAR_OCTET_LENGTH"),
          s("IS_NULLABLE"));

  /** One call per method (and overload) of DatabaseMetaData that returns a ResultSet. */
  private List<Case> cases() {
    String cat = TestSchemas.SESSION_CATALOG;
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "getProcedures(String,String,String)",
            md -> md.getProcedures(null, schema, "%"),
            PROCEDURES));
    cases.add(
        new Case(
            "getProcedureColumns(String,String,String,String)",
            md -> md.getProcedureColumns(null, schema, "%", "%"),
            PROCEDURE_COLUMNS));
    cases.add(
        new Case(
            "getTables(String,String,String,String[])",
            md -> md.getTables(null, schema, "%", null),
            TABLES));
    cases.add(new Case("getSchemas()", DatabaseMetaData::getSchemas, SCHEMAS));
    cases.add(new Case("getSchemas(String,String)", md -> md.getSchemas(cat, schema), SCHEMAS));
    cases.add(new Case("getCatalogs()", DatabaseMetaData::getCatalogs, CATALOGS));
    cases.add(new Case("getTableTypes()", DatabaseMetaData::getTableTypes, TABLE_TYPES));
    cases.add(
        new Case(
            "getColumns(String,String,String,String)",
            md -> md.getColumns(null, schema, "%", "%"),
            COLUMNS));
    cases.add(
        new Case(
            "getColumnPrivileges(String,String,String,String)",
            md -> md.getColumnPrivileges(cat, schema, "t", "%"),
            COLUMN_PRIVILEGES));
    cases.add(
        new Case(
            "getTablePrivileges(String,String,String)",
            md -> md.getTablePrivileges(null, schema, "%"),
            TABLE_PRIVILEGES));
    cases.add(
        new Case(
            "getBestRowIdentifier(String,String,String,int,boolean)",
            md -> md.getBestRowIdentifier(cat, schema, "t", DatabaseMetaData.bestRowSession, true),
            BEST_ROW_IDENTIFIER));
    cases.add(
        new Case(
            "getVersionColumns(String,String,String)",
            md -> md.getVersionColumns(cat, schema, "t"),
            VERSION_COLUMNS));
    cases.add(
        new Case(
            "getPrimaryKeys(String,String,String)",
            md -> md.getPrimaryKeys(cat, schema, "t"),
            PRIMARY_KEYS));
    cases.add(
        new Case(
            "getImportedKeys(String,String,String)",
            md -> md.getImportedKeys(cat, schema, "t"),
            KEYS));
    cases.add(
        new Case(
            "getExportedKeys(String,String,String)",
            md -> md.getExportedKeys(cat, schema, "t"),
            KEYS));
    cases.add(
        new Case(
            "getCrossReference(String,String,String,String,String,String)",
            md -> md.getCrossReference(cat, schema, "t", cat, schema, "v"),
            KEYS));
    cases.add(new Case("getTypeInfo()", DatabaseMetaData::getTypeInfo, TYPE_INFO));
    cases.add(
        new Case(
            "getIndexInfo(String,String,String,boolean,boolean)",
            md -> md.getIndexInfo(cat, schema, "t", false, true),
            INDEX_INFO));
    cases.add(
        new Case(
            "getUDTs(String,String,String,int[])",
            md -> md.getUDTs(null, schema, "%", null),
            UDTS));
    cases.add(
        new Case(
            "getSuperTypes(String,String,String)",
            md -> md.getSuperTypes(null, schema, "%"),
            SUPER_TYPES));
    cases.add(
        new Case(
            "getSuperTables(String,String,String)",
            md -> md.getSuperTables(null, schema, "%"),
            SUPER_TABLES));
    cases.add(
        new Case(
            "getAttributes(String,String,String,String)",
            md -> md.getAttributes(null, schema, "%", "%"),
            ATTRIBUTES));
    cases.add(
        new Case(
            "getClientInfoProperties()",
            DatabaseMetaData::getClientInfoProperties,
            CLIENT_INFO_PROPERTIES));
    cases.add(
        new Case(
            "getFunctions(String,String,String)",
            md -> md.getFunctions(null, null, "abs"),
            FUNCTIONS));
    cases.add(
        new Case(
            "getFunctionColumns(String,String,String,String)",
            md -> md.getFunctionColumns(null, null, "abs", "%"),
            FUNCTION_COLUMNS));
    cases.add(
        new Case(
            "getPseudoColumns(String,String,String,String)",
            md -> md.getPseudoColumns(null, schema, "%", "%"),
            PSEUDO_COLUMNS));
    return cases;
  }

  @Test
  void everyResultSetMethodOfTheInterfaceIsCovered() {
    TreeSet<String> declared =
        Arrays.stream(DatabaseMetaData.class.getMethods())
            .filter(m -> m.getReturnType() == ResultSet.class)
            .map(MetadataLayoutTest::signature)
            .collect(Collectors.toCollection(TreeSet::new));
    TreeSet<String> covered =
        cases().stream().map(Case::method).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).isEqualTo(declared);
  }

  private static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  @TestFactory
  Stream<DynamicTest> layoutsAreTheSpecifications() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.method(), () -> check(c)));
  }

  private void check(Case c) throws Exception {
    DatabaseMetaData md = connection.getMetaData();
    try (ResultSet rs = c.call().on(md)) {
      ResultSetMetaData rsmd = rs.getMetaData();
      List<Col> actual = new ArrayList<>();
      for (int i = 1; i <= rsmd.getColumnCount(); i++) {
        actual.add(new Col(rsmd.getColumnLabel(i), rsmd.getColumnType(i)));
      }
      assertThat(actual).as("column count of %s", c.method()).hasSameSizeAs(c.expected());
      for (int i = 0; i < actual.size(); i++) {
        Col want = c.expected().get(i);
        Col got = actual.get(i);
        if (want.label() != null) {
          assertThat(got.label())
              .as("label of column %d of %s", i + 1, c.method())
              .isEqualTo(want.label());
          // Tools read these columns by name: findColumn must agree with the position.
          assertThat(rs.findColumn(want.label()))
              .as("findColumn(%s) of %s", want.label(), c.method())
              .isEqualTo(i + 1);
        }
        if (want.type() != null) {
          assertThat(JDBCType.valueOf(got.type()))
              .as("type of column %d (%s) of %s", i + 1, got.label(), c.method())
              .isEqualTo(JDBCType.valueOf(want.type()));
        }
      }
      checkValueClasses(c.method(), rs, rsmd);
    }
  }

  /** Each non-null value is an instance of the class the metadata announces for its column. */
  private static void checkValueClasses(String method, ResultSet rs, ResultSetMetaData rsmd)
      throws SQLException, ClassNotFoundException {
    Map<String, Class<?>> classes = new LinkedHashMap<>();
    for (int i = 1; i <= rsmd.getColumnCount(); i++) {
      classes.put(rsmd.getColumnLabel(i), Class.forName(rsmd.getColumnClassName(i)));
    }
    int row = 0;
    while (rs.next() && row++ < 1000) {
      int i = 0;
      for (Map.Entry<String, Class<?>> e : classes.entrySet()) {
        i++;
        Object value = rs.getObject(i);
        if (value != null) {
          assertThat(value)
              .as("row %d column %s of %s", row, e.getKey(), method)
              .isInstanceOf(e.getValue());
        }
      }
    }
  }
}
