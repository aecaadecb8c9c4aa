package dev.sparkjdbc.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What the server and this driver support, as JDBC tools ask it. The scalar answers are final;
 * the catalog listings (tables, columns, types, functions) arrive with the metadata work and
 * refuse clearly until then.
 */
final class SparkConnectDatabaseMetaData implements DatabaseMetaData {
  /** Spark SQL keywords that are not SQL:2003 keywords. */
  private static final String SPARK_KEYWORDS = String.join(",", "ANTI", "CACHE", "CLUSTER",
      "DATABASE", "DATABASES", "DBPROPERTIES", "DISTRIBUTE", "DIV", "EXPLAIN", "EXTENDED",
      "FORMATTED", "ILIKE", "LAZY", "LIMIT", "LIST", "LOCATION", "MINUS", "NAMESPACE",
      "NAMESPACES", "PARTITIONED", "PIVOT", "REFRESH", "RLIKE", "SEMI", "SERDE", "SHOW", "SORT",
      "TABLESAMPLE", "TBLPROPERTIES", "TEMPORARY", "UNCACHE", "UNPIVOT", "USE", "VIEWS");
  private static final String NUMERIC_FUNCTIONS = "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,COT,"
      + "DEGREES,EXP,FLOOR,LOG,LOG10,MOD,PI,POWER,RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN";
  private static final String STRING_FUNCTIONS = "ASCII,CHAR,CONCAT,LCASE,LEFT,LENGTH,LOCATE,"
      + "LTRIM,REPEAT,REPLACE,RIGHT,RTRIM,SOUNDEX,SPACE,SUBSTRING,UCASE";
  private static final String SYSTEM_FUNCTIONS = "IFNULL,USER";
  private static final String TIME_DATE_FUNCTIONS = "CURDATE,DAYNAME,DAYOFMONTH,DAYOFWEEK,"
      + "DAYOFYEAR,HOUR,MINUTE,MONTH,MONTHNAME,NOW,QUARTER,SECOND,YEAR";

  private final SparkConnectConnection connection;

  SparkConnectDatabaseMetaData(SparkConnectConnection connection) {
    this.connection = connection;
  }

  private int versionPart(int index) {
    String[] parts = connection.sparkVersion().split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private SQLException notYet(String method) {
    return SqlErrors.unsupported("DatabaseMetaData." + method + " (catalog listings)");
  }

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    return true;
  }

  @Override
  public String getURL() throws SQLException {
    return connection.config().displayUrl();
  }

  @Override
  public String getUserName() throws SQLException {
    return connection.config().userId();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    return true;
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    return false;
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return "Apache Spark";
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return connection.sparkVersion();
  }

  @Override
  public String getDriverName() throws SQLException {
    return SparkConnectDriver.NAME;
  }

  @Override
  public String getDriverVersion() throws SQLException {
    return DriverVersion.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return DriverVersion.MINOR;
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return false;
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    return "`";
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return SPARK_KEYWORDS;
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return NUMERIC_FUNCTIONS;
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return STRING_FUNCTIONS;
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    return SYSTEM_FUNCTIONS;
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return TIME_DATE_FUNCTIONS;
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    return "";
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    return true;
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    return "namespace";
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    return true;
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    return ".";
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return true;
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxConnections() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return true;
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxStatements() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    return false;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return versionPart(0);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return versionPart(1);
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    return 3;
  }

  @Override
  public int getSQLStateType() throws SQLException {
    return sqlStateSQL;
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    return false;
  }

  @Override
  public boolean supportsConvert(int p0, int p1) throws SQLException {
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int p0) throws SQLException {
    return p0 == Connection.TRANSACTION_NONE;
  }

  @Override
  public ResultSet getProcedures(String p0, String p1, String p2) throws SQLException {
    throw notYet("getProcedures");
  }

  @Override
  public ResultSet getProcedureColumns(String p0, String p1, String p2, String p3) throws SQLException {
    throw notYet("getProcedureColumns");
  }

  @Override
  public ResultSet getTables(String p0, String p1, String p2, String[] p3) throws SQLException {
    throw notYet("getTables");
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    throw notYet("getSchemas");
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    throw notYet("getCatalogs");
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    throw notYet("getTableTypes");
  }

  @Override
  public ResultSet getColumns(String p0, String p1, String p2, String p3) throws SQLException {
    throw notYet("getColumns");
  }

  @Override
  public ResultSet getColumnPrivileges(String p0, String p1, String p2, String p3) throws SQLException {
    throw notYet("getColumnPrivileges");
  }

  @Override
  public ResultSet getTablePrivileges(String p0, String p1, String p2) throws SQLException {
    throw notYet("getTablePrivileges");
  }

  @Override
  public ResultSet getBestRowIdentifier(String p0, String p1, String p2, int p3, boolean p4) throws SQLException {
    throw notYet("getBestRowIdentifier");
  }

  @Override
  public ResultSet getVersionColumns(String p0, String p1, String p2) throws SQLException {
    throw notYet("getVersionColumns");
  }

  @Override
  public ResultSet getPrimaryKeys(String p0, String p1, String p2) throws SQLException {
    throw notYet("getPrimaryKeys");
  }

  @Override
  public ResultSet getImportedKeys(String p0, String p1, String p2) throws SQLException {
    throw notYet("getImportedKeys");
  }

  @Override
  public ResultSet getExportedKeys(String p0, String p1, String p2) throws SQLException {
    throw notYet("getExportedKeys");
  }

  @Override
  public ResultSet getCrossReference(String p0, String p1, String p2, String p3, String p4, String p5) throws SQLException {
    throw notYet("getCrossReference");
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    throw notYet("getTypeInfo");
  }

  @Override
  public ResultSet getIndexInfo(String p0, String p1, String p2, boolean p3, boolean p4) throws SQLException {
    throw notYet("getIndexInfo");
  }

  @Override
  public boolean supportsResultSetType(int p0) throws SQLException {
    return p0 == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int p0, int p1) throws SQLException {
    return p0 == ResultSet.TYPE_FORWARD_ONLY && p1 == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean ownUpdatesAreVisible(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean ownDeletesAreVisible(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean ownInsertsAreVisible(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean othersUpdatesAreVisible(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean othersDeletesAreVisible(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean othersInsertsAreVisible(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean updatesAreDetected(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean deletesAreDetected(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean insertsAreDetected(int p0) throws SQLException {
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public ResultSet getUDTs(String p0, String p1, String p2, int[] p3) throws SQLException {
    throw notYet("getUDTs");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection;
  }

  @Override
  public ResultSet getSuperTypes(String p0, String p1, String p2) throws SQLException {
    throw notYet("getSuperTypes");
  }

  @Override
  public ResultSet getSuperTables(String p0, String p1, String p2) throws SQLException {
    throw notYet("getSuperTables");
  }

  @Override
  public ResultSet getAttributes(String p0, String p1, String p2, String p3) throws SQLException {
    throw notYet("getAttributes");
  }

  @Override
  public boolean supportsResultSetHoldability(int p0) throws SQLException {
    return p0 == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public ResultSet getSchemas(String p0, String p1) throws SQLException {
    throw notYet("getSchemas");
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    throw notYet("getClientInfoProperties");
  }

  @Override
  public ResultSet getFunctions(String p0, String p1, String p2) throws SQLException {
    throw notYet("getFunctions");
  }

  @Override
  public ResultSet getFunctionColumns(String p0, String p1, String p2, String p3) throws SQLException {
    throw notYet("getFunctionColumns");
  }

  @Override
  public ResultSet getPseudoColumns(String p0, String p1, String p2, String p3) throws SQLException {
    throw notYet("getPseudoColumns");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
