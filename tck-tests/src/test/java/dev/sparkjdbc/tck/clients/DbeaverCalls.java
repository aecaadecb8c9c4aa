package dev.sparkjdbc.tck.clients;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The calls DBeaver's generic JDBC support makes when it connects and a user browses a schema,
 * opens tables and runs a query, in that order, and what each answered: shared by {@link
 * DbeaverReplayTest}, which checks the answers, and {@code bin/bench network}, which times the
 * sequence and counts its round trips. Plain JDBC only (the bench has no test libraries).
 */
public final class DbeaverCalls {
  private DbeaverCalls() {}

  /** A listing that DBeaver only reads the labels and rows of. */
  public record Listing(List<String> labels, int rows) {}

  /** What the table editor read of one table. */
  public record OpenedTable(
      List<Map<String, Object>> columns,
      Listing primaryKeys,
      Listing importedKeys,
      Listing exportedKeys,
      Listing indexes) {}

  /** Everything the replay read, in the order it read it. */
  public record Replay(
      Map<String, Object> dialect,
      List<Map<String, Object>> typeInfo,
      List<String> catalogs,
      List<String[]> schemas,
      List<String> schemaLookup,
      String currentCatalog,
      String currentSchema,
      List<String> tableTypes,
      List<Map<String, Object>> tables,
      List<String> views,
      Map<String, OpenedTable> opened,
      Listing procedures,
      List<String> functions,
      boolean valid,
      boolean statementClosed) {}

  /** Reads the SQL editor's result while it is open. */
  @FunctionalInterface
  public interface ResultReader {
    void read(ResultSet rs, Map<String, OpenedTable> opened) throws SQLException;
  }

  /**
   * Connects as DBeaver does (a main and a metadata connection), asks its dialect questions, lists
   * catalogs, schemas and the tables of {@code schema}, opens each of {@code tablesToOpen} in the
   * table editor, lists procedures and functions, then runs {@code query} in the SQL editor with
   * DBeaver's statement settings and hands its result to {@code reader}.
   */
  public static Replay replay(
      String url,
      String catalog,
      String schema,
      List<String> tablesToOpen,
      String query,
      ResultReader reader)
      throws SQLException {
    Driver driver = DriverManager.getDriver(url);
    Properties props = new Properties();
    props.setProperty("user", "dbeaver");
    props.setProperty("password", "");
    try (Connection main = driver.connect(url, props);
        Connection meta = driver.connect(url, props)) {
      main.setAutoCommit(true);
      meta.setAutoCommit(true);
      main.getAutoCommit();
      meta.getAutoCommit();
      DatabaseMetaData md = meta.getMetaData();
      Map<String, Object> dialect = dialect(meta, md);
      List<Map<String, Object>> typeInfo = typeInfo(md);
      List<String> catalogs = strings(md.getCatalogs(), "TABLE_CAT");
      List<String[]> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(new String[] {rs.getString("TABLE_CATALOG"), rs.getString("TABLE_SCHEM")});
        }
      }
      List<String> schemaLookup = strings(md.getSchemas(catalog, schema), "TABLE_SCHEM");
      String currentCatalog = meta.getCatalog();
      String currentSchema = meta.getSchema();
      List<String> tableTypes = strings(md.getTableTypes(), "TABLE_TYPE");
      List<Map<String, Object>> tables = tables(md, catalog, schema);
      List<String> views =
          strings(md.getTables(catalog, schema, "%", new String[] {"VIEW"}), "TABLE_NAME");
      Map<String, OpenedTable> opened = new LinkedHashMap<>();
      for (String table : tablesToOpen) {
        opened.put(table, openTable(md, catalog, schema, table));
      }
      Listing procedures = listing(md.getProcedures(catalog, schema, "%"));
      List<String> functions = strings(md.getFunctions(null, null, "%"), "FUNCTION_NAME");
      boolean valid = main.isValid(5);
      Statement st = main.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      st.getResultSetType();
      st.getResultSetConcurrency();
      st.setMaxRows(200);
      st.setFetchSize(100);
      st.getMaxRows();
      if (st.execute(query)) {
        try (ResultSet rs = st.getResultSet()) {
          reader.read(rs, opened);
        }
      }
      st.getWarnings();
      st.getUpdateCount();
      st.cancel(); // the user pressed "stop" after the query had ended
      st.close();
      return new Replay(
          dialect,
          typeInfo,
          catalogs,
          schemas,
          schemaLookup,
          currentCatalog,
          currentSchema,
          tableTypes,
          tables,
          views,
          opened,
          procedures,
          functions,
          valid,
          st.isClosed());
    }
  }

  /** The dialect and capability questions, by method name (with an argument: name(argument)). */
  static Map<String, Object> dialect(Connection meta, DatabaseMetaData md) throws SQLException {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("getDriverMajorVersion", md.getDriverMajorVersion());
    a.put("getDriverMinorVersion", md.getDriverMinorVersion());
    a.put("getDatabaseMajorVersion", md.getDatabaseMajorVersion());
    a.put("getDatabaseMinorVersion", md.getDatabaseMinorVersion());
    a.put("getIdentifierQuoteString", md.getIdentifierQuoteString());
    a.put("getSQLStateType", md.getSQLStateType());
    a.put("supportsSubqueriesInComparisons", md.supportsSubqueriesInComparisons());
    a.put("supportsSubqueriesInExists", md.supportsSubqueriesInExists());
    a.put("supportsSubqueriesInIns", md.supportsSubqueriesInIns());
    a.put("supportsSubqueriesInQuantifieds", md.supportsSubqueriesInQuantifieds());
    a.put("supportsMixedCaseIdentifiers", md.supportsMixedCaseIdentifiers());
    a.put("supportsMixedCaseQuotedIdentifiers", md.supportsMixedCaseQuotedIdentifiers());
    a.put("storesUpperCaseIdentifiers", md.storesUpperCaseIdentifiers());
    a.put("storesLowerCaseIdentifiers", md.storesLowerCaseIdentifiers());
    a.put("storesMixedCaseIdentifiers", md.storesMixedCaseIdentifiers());
    a.put("storesUpperCaseQuotedIdentifiers", md.storesUpperCaseQuotedIdentifiers());
    a.put("storesLowerCaseQuotedIdentifiers", md.storesLowerCaseQuotedIdentifiers());
    a.put("storesMixedCaseQuotedIdentifiers", md.storesMixedCaseQuotedIdentifiers());
    a.put("getSearchStringEscape", md.getSearchStringEscape());
    a.put("getCatalogSeparator", md.getCatalogSeparator());
    a.put("supportsCatalogsInDataManipulation", md.supportsCatalogsInDataManipulation());
    a.put("supportsCatalogsInProcedureCalls", md.supportsCatalogsInProcedureCalls());
    a.put("supportsCatalogsInTableDefinitions", md.supportsCatalogsInTableDefinitions());
    a.put("supportsCatalogsInIndexDefinitions", md.supportsCatalogsInIndexDefinitions());
    a.put("supportsCatalogsInPrivilegeDefinitions", md.supportsCatalogsInPrivilegeDefinitions());
    a.put("supportsSchemasInDataManipulation", md.supportsSchemasInDataManipulation());
    a.put("supportsSchemasInProcedureCalls", md.supportsSchemasInProcedureCalls());
    a.put("supportsSchemasInTableDefinitions", md.supportsSchemasInTableDefinitions());
    a.put("supportsSchemasInIndexDefinitions", md.supportsSchemasInIndexDefinitions());
    a.put("supportsSchemasInPrivilegeDefinitions", md.supportsSchemasInPrivilegeDefinitions());
    a.put("getExtraNameCharacters", md.getExtraNameCharacters());
    a.put("isCatalogAtStart", md.isCatalogAtStart());
    a.put("getSQLKeywords", md.getSQLKeywords());
    a.put("getNumericFunctions", md.getNumericFunctions());
    a.put("getStringFunctions", md.getStringFunctions());
    a.put("getSystemFunctions", md.getSystemFunctions());
    a.put("getTimeDateFunctions", md.getTimeDateFunctions());
    a.put("getDatabaseProductName", md.getDatabaseProductName());
    a.put("getDatabaseProductVersion", md.getDatabaseProductVersion());
    a.put("getDriverName", md.getDriverName());
    a.put("getDriverVersion", md.getDriverVersion());
    a.put("getSchemaTerm", md.getSchemaTerm());
    a.put("getProcedureTerm", md.getProcedureTerm());
    a.put("getCatalogTerm", md.getCatalogTerm());
    a.put("supportsBatchUpdates", md.supportsBatchUpdates());
    a.put("supportsTransactions", md.supportsTransactions());
    for (int level :
        new int[] {
          Connection.TRANSACTION_NONE,
          Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE
        }) {
      a.put(
          "supportsTransactionIsolationLevel(" + level + ")",
          md.supportsTransactionIsolationLevel(level));
    }
    a.put("getDefaultTransactionIsolation", md.getDefaultTransactionIsolation());
    a.put("getTransactionIsolation", meta.getTransactionIsolation());
    return a;
  }

  /** getTypeInfo, every column read; the rows keep TYPE_NAME and DATA_TYPE. */
  static List<Map<String, Object>> typeInfo(DatabaseMetaData md) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet rs = md.getTypeInfo()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TYPE_NAME", rs.getString("TYPE_NAME"));
        row.put("DATA_TYPE", rs.getInt("DATA_TYPE"));
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
        rows.add(row);
      }
    }
    return rows;
  }

  /** The navigator's table listing of a schema, every column read. */
  static List<Map<String, Object>> tables(DatabaseMetaData md, String catalog, String schema)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TABLE_CAT", rs.getString("TABLE_CAT"));
        row.put("TABLE_SCHEM", rs.getString("TABLE_SCHEM"));
        row.put("TABLE_NAME", rs.getString("TABLE_NAME"));
        row.put("TABLE_TYPE", rs.getString("TABLE_TYPE"));
        row.put("REMARKS", rs.getString("REMARKS"));
        rs.getString("TYPE_CAT");
        rs.getString("TYPE_SCHEM");
        rs.getString("TYPE_NAME");
        rs.getString("SELF_REFERENCING_COL_NAME");
        rs.getString("REF_GENERATION");
        rows.add(row);
      }
    }
    return rows;
  }

  /** The table editor: columns, keys and indexes of one table. */
  static OpenedTable openTable(DatabaseMetaData md, String catalog, String schema, String table)
      throws SQLException {
    return new OpenedTable(
        columns(md, catalog, schema, table),
        listing(md.getPrimaryKeys(catalog, schema, table)),
        listing(md.getImportedKeys(catalog, schema, table)),
        listing(md.getExportedKeys(catalog, schema, table)),
        listing(md.getIndexInfo(catalog, schema, table, false, true)));
  }

  /**
   * getColumns for one table, reading each value DBeaver reads, by label. Like DBeaver, the table
   * name is escaped with getSearchStringEscape() so that '_' in it is no wildcard.
   */
  static List<Map<String, Object>> columns(
      DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
    String escape = md.getSearchStringEscape();
    String pattern =
        table
            .replace(escape, escape + escape)
            .replace("_", escape + "_")
            .replace("%", escape + "%");
    List<Map<String, Object>> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(catalog, schema, pattern, "%")) {
      while (rs.next()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("TABLE_CAT", rs.getString("TABLE_CAT"));
        c.put("TABLE_SCHEM", rs.getString("TABLE_SCHEM"));
        c.put("TABLE_NAME", rs.getString("TABLE_NAME"));
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

  private static Listing listing(ResultSet result) throws SQLException {
    try (ResultSet rs = result) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        labels.add(meta.getColumnLabel(i));
      }
      int rows = 0;
      while (rs.next()) {
        rows++;
      }
      return new Listing(labels, rows);
    }
  }

  private static List<String> strings(ResultSet result, String label) throws SQLException {
    try (ResultSet rs = result) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(label));
      }
      return out;
    }
  }
}
