package dev.sparkjdbc.jdbc.metadata;

import dev.sparkjdbc.jdbc.client.OperationTags;
import dev.sparkjdbc.jdbc.config.DriverVersion;
import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.statement.SqlText;
import dev.sparkjdbc.plan.TranslationConfig;
import dev.sparkjdbc.types.ColumnType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the server and this driver support, as JDBC tools ask it. Catalog listings come from the
 * server ({@link CatalogListing}); where Spark has no such concept (keys, indexes, procedures,
 * privileges, user-defined types) the answer is an empty result with the specification's columns.
 *
 * <p>Once its connection is closed, every method throws an SQLException saying so, as the
 * connection's own methods do, except those that are facts about this Java object or the driver
 * jar: {@code getConnection}, {@code getDriverMajorVersion}, {@code getDriverMinorVersion}, {@code
 * unwrap} and {@code isWrapperFor}.
 */
public final class SparkConnectDatabaseMetaData implements SelfWrapper, DatabaseMetaData {
  /** Spark SQL keywords that are not SQL:2003 keywords. */
  private static final String SPARK_KEYWORDS =
      String.join(
          ",",
          "ANTI",
          "CACHE",
          "CLUSTER",
          "DATABASE",
          "DATABASES",
          "DBPROPERTIES",
          "DISTRIBUTE",
          "DIV",
          "EXPLAIN",
          "EXTENDED",
          "FORMATTED",
          "ILIKE",
          "LAZY",
          "LIMIT",
          "LIST",
          "LOCATION",
          "MINUS",
          "NAMESPACE",
          "NAMESPACES",
          "PARTITIONED",
          "PIVOT",
          "REFRESH",
          "RLIKE",
          "SEMI",
          "SERDE",
          "SHOW",
          "SORT",
          "TABLESAMPLE",
          "TBLPROPERTIES",
          "TEMPORARY",
          "UNCACHE",
          "UNPIVOT",
          "USE",
          "VIEWS");

  // The escape functions that work, from the table that rewrites {fn ...} (JDBC 4.3 appendix D)
  private static final String NUMERIC_FUNCTIONS =
      dev.sparkjdbc.plan.JdbcFunctions.numericFunctions();
  private static final String STRING_FUNCTIONS = dev.sparkjdbc.plan.JdbcFunctions.stringFunctions();
  private static final String SYSTEM_FUNCTIONS = dev.sparkjdbc.plan.JdbcFunctions.systemFunctions();
  private static final String TIME_DATE_FUNCTIONS =
      dev.sparkjdbc.plan.JdbcFunctions.timeDateFunctions();

  /** Spark's kinds of relation, in the names the JDBC specification uses. */
  static final List<String> TABLE_TYPES =
      List.of("GLOBAL TEMPORARY", "LOCAL TEMPORARY", "TABLE", "VIEW");

  private final MetadataConnection connection;
  private final CatalogListing listing;

  public SparkConnectDatabaseMetaData(MetadataConnection connection) {
    this.connection = connection;
    this.listing = new CatalogListing(connection);
  }

  private int versionPart(int index) {
    String[] parts = connection.sparkVersion().split("[.-]");
    try {
      return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void checkOpen() throws SQLException {
    connection.checkOpen();
  }

  /** Catalogs a call names: the one given ("" means none: nothing matches), or all of them. */
  private List<String> catalogs(String catalog) throws SQLException {
    if (catalog == null) {
      return listing.catalogs(name -> true);
    }
    // no catalog's name has an unpaired surrogate (names are UTF-8): nothing to ask the server
    return catalog.isEmpty() || SqlText.unpairedSurrogate(catalog) >= 0
        ? List.of()
        : List.of(catalog);
  }

  /**
   * Tables (with their columns when {@code columns}) matching the patterns, one SHOW TABLE EXTENDED
   * per namespace, sorted as the specification asks. Temporary views, which every namespace lists,
   * appear once.
   */
  private List<CatalogListing.Table> tables(
      String catalog, String schemaPattern, String tableNamePattern, boolean columns)
      throws SQLException {
    Predicate<String> tableFilter = JdbcPattern.of(tableNamePattern);
    String exact = JdbcPattern.literal(tableNamePattern);
    List<CatalogListing.Table> out = new ArrayList<>();
    // Temporary views belong to no catalog and no schema: listed when neither narrows them out.
    boolean withTemporary =
        (catalog == null || catalog.isEmpty())
            && (schemaPattern == null || JdbcPattern.of(schemaPattern).test(""));
    if (withTemporary) {
      // SHOW TABLE EXTENDED without IN also lists the current namespace's own tables, and
      // without a namespace to attribute them to: only the temporary views are kept here.
      for (CatalogListing.Table t : listing.tables(null, null, exact, tableFilter, columns)) {
        if (t.schema() == null && t.type().equals("LOCAL TEMPORARY")) {
          out.add(t);
        }
      }
    }
    if (schemaPattern == null || !schemaPattern.isEmpty()) {
      for (String c : catalogs(catalog)) {
        for (String schema : listing.schemas(c, JdbcPattern.of(schemaPattern))) {
          for (CatalogListing.Table t : listing.tables(c, schema, exact, tableFilter, columns)) {
            if (t.schema() != null) {
              out.add(t);
            }
          }
        }
      }
    }
    out.sort(
        Comparator.comparing(CatalogListing.Table::type)
            .thenComparing(t -> t.catalog() == null ? "" : t.catalog())
            .thenComparing(t -> t.schema() == null ? "" : t.schema())
            .thenComparing(CatalogListing.Table::name));
    return out;
  }

  private static Object[] columnRow(CatalogListing.Table t, CatalogListing.Column c, int position) {
    ColumnType type = ColumnType.of(c.type());
    boolean character = type.jdbcType() == Types.VARCHAR || type.jdbcType() == Types.CHAR;
    Integer size = type.precision() == 0 ? null : type.precision();
    boolean scaled =
        type.jdbcType() == Types.DECIMAL
            || type.jdbcType() == Types.TIMESTAMP
            || type.jdbcType() == Types.TIME;
    return new Object[] {
      t.catalog(),
      t.schema(),
      t.name(),
      c.name(),
      type.jdbcType(),
      type.typeName(),
      size,
      null,
      scaled ? type.scale() : null,
      TypeInfo.radix(type),
      c.nullable() ? columnNullable : columnNoNulls,
      c.remarks(),
      c.defaultValue(),
      null,
      null,
      character ? size : null,
      position,
      c.nullable() ? "YES" : "NO",
      null,
      null,
      null,
      null,
      "NO",
      "NO"
    };
  }

  @Override
  public boolean allProceduresAreCallable() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public String getURL() throws SQLException {
    checkOpen();
    return connection.config().displayUrl();
  }

  @Override
  public String getUserName() throws SQLException {
    checkOpen();
    return connection.config().userId();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return connection.connection().isReadOnly();
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    checkOpen();
    return "Apache Spark";
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    checkOpen();
    return connection.sparkVersion();
  }

  @Override
  public String getDriverName() throws SQLException {
    checkOpen();
    return DriverVersion.NAME;
  }

  @Override
  public String getDriverVersion() throws SQLException {
    checkOpen();
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
    checkOpen();
    return false;
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    checkOpen();
    return false;
  }

  /** The quote the connection's SQL uses for names: {@code "} with {@code quoting=ansi}. */
  @Override
  public String getIdentifierQuoteString() throws SQLException {
    checkOpen();
    return connection.config().translation().quoting() == TranslationConfig.Quoting.DOUBLE_QUOTE
        ? "\""
        : "`";
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    checkOpen();
    return SPARK_KEYWORDS;
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    checkOpen();
    return NUMERIC_FUNCTIONS;
  }

  @Override
  public String getStringFunctions() throws SQLException {
    checkOpen();
    return STRING_FUNCTIONS;
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    checkOpen();
    return SYSTEM_FUNCTIONS;
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    checkOpen();
    return TIME_DATE_FUNCTIONS;
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    checkOpen();
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    checkOpen();
    return "";
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsMultipleResultSets() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    checkOpen();
    return "namespace";
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    checkOpen();
    return "procedure";
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    checkOpen();
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    checkOpen();
    return ".";
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxConnections() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxStatements() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    checkOpen();
    return Connection.TRANSACTION_NONE;
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public boolean supportsSavepoints() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsNamedParameters() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsGetGeneratedKeys() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    checkOpen();
    return versionPart(0);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    checkOpen();
    return versionPart(1);
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    checkOpen();
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    checkOpen();
    return 3;
  }

  @Override
  public int getSQLStateType() throws SQLException {
    checkOpen();
    return sqlStateSQL;
  }

  @Override
  public boolean locatorsUpdateCopy() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsStatementPooling() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsConvert(int p0, int p1) throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int p0) throws SQLException {
    checkOpen();
    return p0 == Connection.TRANSACTION_NONE;
  }

  @Override
  public ResultSet getProcedures(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.PROCEDURES);
  }

  @Override
  public ResultSet getProcedureColumns(String p0, String p1, String p2, String p3)
      throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.PROCEDURE_COLUMNS);
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    checkOpen();
    Set<String> wanted = types == null ? null : new HashSet<>(Arrays.asList(types));
    List<Object[]> rows = new ArrayList<>();
    // Without columns: getTables answers none, and reading them costs parsing and round trips.
    for (CatalogListing.Table t : tables(catalog, schemaPattern, tableNamePattern, false)) {
      if (wanted == null || wanted.contains(t.type())) {
        rows.add(
            new Object[] {
              t.catalog(), t.schema(), t.name(), t.type(), t.remarks(), null, null, null, null, null
            });
      }
    }
    return MetadataResults.of(MetadataResults.TABLES, rows);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    checkOpen();
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (String c : listing.catalogs(name -> true)) {
      rows.add(new Object[] {c});
    }
    return MetadataResults.of(MetadataResults.CATALOGS, rows);
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (String type : TABLE_TYPES) {
      rows.add(new Object[] {type});
    }
    return MetadataResults.of(MetadataResults.TABLE_TYPES, rows);
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    checkOpen();
    Predicate<String> columnFilter = JdbcPattern.of(columnNamePattern);
    List<Object[]> rows = new ArrayList<>();
    for (CatalogListing.Table t : tables(catalog, schemaPattern, tableNamePattern, true)) {
      int position = 0;
      for (CatalogListing.Column c : t.columns()) {
        position++;
        if (columnFilter.test(c.name())) {
          rows.add(columnRow(t, c, position));
        }
      }
    }
    return MetadataResults.of(MetadataResults.COLUMNS, rows);
  }

  @Override
  public ResultSet getColumnPrivileges(String p0, String p1, String p2, String p3)
      throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.COLUMN_PRIVILEGES);
  }

  @Override
  public ResultSet getTablePrivileges(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.TABLE_PRIVILEGES);
  }

  @Override
  public ResultSet getBestRowIdentifier(String p0, String p1, String p2, int p3, boolean p4)
      throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.ROW_IDENTIFIER);
  }

  @Override
  public ResultSet getVersionColumns(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.ROW_IDENTIFIER);
  }

  @Override
  public ResultSet getPrimaryKeys(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.PRIMARY_KEYS);
  }

  @Override
  public ResultSet getImportedKeys(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.FOREIGN_KEYS);
  }

  @Override
  public ResultSet getExportedKeys(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.FOREIGN_KEYS);
  }

  @Override
  public ResultSet getCrossReference(
      String p0, String p1, String p2, String p3, String p4, String p5) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.FOREIGN_KEYS);
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    checkOpen();
    return MetadataResults.of(MetadataResults.TYPE_INFO, TypeInfo.rows());
  }

  @Override
  public ResultSet getIndexInfo(String p0, String p1, String p2, boolean p3, boolean p4)
      throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.INDEX_INFO);
  }

  @Override
  public boolean supportsResultSetType(int p0) throws SQLException {
    checkOpen();
    return p0 == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int p0, int p1) throws SQLException {
    checkOpen();
    return p0 == ResultSet.TYPE_FORWARD_ONLY && p1 == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean ownUpdatesAreVisible(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean ownDeletesAreVisible(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean ownInsertsAreVisible(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean othersUpdatesAreVisible(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean othersDeletesAreVisible(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean othersInsertsAreVisible(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean updatesAreDetected(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean deletesAreDetected(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public boolean insertsAreDetected(int p0) throws SQLException {
    checkOpen();
    return false; // read-only cursors: no updates, deletes or inserts to see or detect
  }

  @Override
  public ResultSet getUDTs(String p0, String p1, String p2, int[] p3) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.UDTS);
  }

  /** Answers after the connection closed too (its isClosed() then says so): JDBC names no error. */
  @Override
  public Connection getConnection() throws SQLException {
    return connection.connection();
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    checkOpen();
    return 0; // no limit known
  }

  @Override
  public boolean supportsSharding() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean supportsRefCursors() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public ResultSet getSuperTypes(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.SUPER_TYPES);
  }

  @Override
  public ResultSet getSuperTables(String p0, String p1, String p2) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.SUPER_TABLES);
  }

  @Override
  public ResultSet getAttributes(String p0, String p1, String p2, String p3) throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.ATTRIBUTES);
  }

  @Override
  public boolean supportsResultSetHoldability(int p0) throws SQLException {
    checkOpen();
    return p0 == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() throws SQLException {
    checkOpen();
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (String c : catalogs(catalog)) {
      for (String schema : listing.schemas(c, JdbcPattern.of(schemaPattern))) {
        rows.add(new Object[] {schema, c});
      }
    }
    rows.sort(
        Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[0]));
    return MetadataResults.of(MetadataResults.SCHEMAS, rows);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    checkOpen();
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        new Object[] {
          OperationTags.APPLICATION_NAME,
          OperationTags.MAX_VALUE_LENGTH,
          null,
          "Name of the application; every operation carries the tag 'application=<name>' "
              + "(set it with the application_name property or Connection.setClientInfo)"
        });
    return MetadataResults.of(MetadataResults.CLIENT_INFO, rows);
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    checkOpen();
    Predicate<String> names = JdbcPattern.of(functionNamePattern);
    List<Object[]> rows = new ArrayList<>();
    if (schemaPattern == null && (catalog == null || catalog.isEmpty())) {
      // built-in functions belong to no catalog or schema
      for (String f : listing.functions(names)) {
        if (!f.contains(".")) {
          rows.add(new Object[] {null, null, f, "", (short) functionResultUnknown, f});
        }
      }
    }
    if (catalog == null || !catalog.isEmpty()) {
      for (String c : catalogs(catalog)) {
        for (String schema : listing.schemas(c, JdbcPattern.of(schemaPattern))) {
          if (schema.equals(CatalogListing.GLOBAL_TEMP)) {
            continue;
          }
          for (String[] f : listing.userFunctions(c, schema, names)) {
            rows.add(
                new Object[] {
                  f[0],
                  f[1],
                  f[2],
                  "",
                  (short) functionResultUnknown,
                  f[0] + "." + f[1] + "." + f[2]
                });
          }
        }
      }
    }
    return MetadataResults.of(MetadataResults.FUNCTIONS, rows);
  }

  @Override
  public ResultSet getFunctionColumns(String p0, String p1, String p2, String p3)
      throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.FUNCTION_COLUMNS);
  }

  @Override
  public ResultSet getPseudoColumns(String p0, String p1, String p2, String p3)
      throws SQLException {
    checkOpen();
    return MetadataResults.empty(MetadataResults.PSEUDO_COLUMNS);
  }
}
