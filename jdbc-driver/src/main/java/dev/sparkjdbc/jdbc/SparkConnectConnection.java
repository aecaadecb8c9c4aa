package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.client.ArrowBatchSource;
import dev.sparkjdbc.jdbc.client.ConnectClient;
import dev.sparkjdbc.jdbc.client.ConnectionTimer;
import dev.sparkjdbc.jdbc.client.DriverThreads;
import dev.sparkjdbc.jdbc.client.OperationTags;
import dev.sparkjdbc.jdbc.client.ServerCapabilities;
import dev.sparkjdbc.jdbc.client.SessionLink;
import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.jdbc.metadata.CatalogListing;
import dev.sparkjdbc.jdbc.metadata.MetadataConnection;
import dev.sparkjdbc.jdbc.metadata.SparkConnectDatabaseMetaData;
import dev.sparkjdbc.jdbc.result.ArrowRows;
import dev.sparkjdbc.jdbc.result.JavaRows;
import dev.sparkjdbc.jdbc.result.accessor.ColumnContext;
import dev.sparkjdbc.jdbc.result.accessor.SparkArray;
import dev.sparkjdbc.jdbc.statement.Plans;
import dev.sparkjdbc.jdbc.statement.SqlText;
import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One Spark Connect session over one gRPC channel. Closing it closes its statements (and so their
 * result sets), releases the server session and shuts the channel down.
 */
final class SparkConnectConnection implements SelfWrapper, Connection, MetadataConnection {
  private final ConnectionConfig config;
  private final ConnectClient client;
  private final BufferAllocator allocator;
  private final String sparkVersion;

  /** Rebuilt when a SET or RESET changes how the session reads SQL ({@link SessionSqlSettings}). */
  private volatile SqlToPlan translator;

  private final SessionSqlSettings sessionSql = new SessionSqlSettings();
  private final ServerCapabilities capabilities;
  private final ColumnContext columnContext;
  private volatile ZoneId sessionZone;
  private final StatementRegistry statements = new StatementRegistry();
  private final Properties clientInfo = new Properties();
  private SQLWarning warnings;
  private boolean autoCommit = true;
  private boolean readOnly;
  private volatile int networkTimeoutMillis;
  private volatile boolean closed;
  private final ConnectionTimer timer = new ConnectionTimer();
  private final SessionLink sessionLink;
  private final SessionCompression compression;
  private boolean released;

  private SparkConnectConnection(
      ConnectionConfig config, ConnectClient client, String sparkVersion) {
    this.config = config;
    this.client = client;
    this.sparkVersion = sparkVersion;
    for (String unknownKey : config.warnings()) {
      addWarning(new SQLWarning(unknownKey, SqlState.UNKNOWN_PROPERTY));
    }
    this.sessionLink =
        new SessionLink(client, timer, () -> networkTimeoutMillis, this::networkTimedOut);
    this.allocator = DriverDiagnostics.newConnectionAllocator("connection " + client.sessionId());
    DriverDiagnostics.connectionOpened();
    this.translator = new SqlToPlan(config.translation());
    this.capabilities = new ServerCapabilities(client);
    this.columnContext = new ColumnContext(this::sessionZone, this::detachedRows);
    config
        .applicationName()
        .ifPresent(name -> clientInfo.setProperty(OperationTags.APPLICATION_NAME, name));
    client.setOperationTags(OperationTags.of(config.userAgent(), clientInfo));
    // Last: its calls start now, without waiting, ahead of the application's first statement.
    this.compression = SessionCompression.apply(config, client);
  }

  /** A result set of rows the driver holds (an array's elements), read as this session's. */
  private ResultSet detachedRows(String[] labels, DataType[] types, List<Object[]> rows) {
    return JavaRows.resultSet(labels, types, rows, columnContext);
  }

  /** The rows of a result from the server, with this connection's memory and session zone. */
  ArrowRows rows(ArrowBatchSource source) throws SQLException {
    return new ArrowRows(source, allocator, columnContext);
  }

  SqlToPlan translator() {
    return translator;
  }

  /** What this connection's server understands of translated plans, learned once. */
  ServerCapabilities capabilities() {
    return capabilities;
  }

  /**
   * Connects to the first endpoint that answers ({@link EndpointFailover}) and proves the server
   * answers, within the connect timeout.
   */
  static SparkConnectConnection open(ConnectionConfig config) throws SQLException {
    return EndpointFailover.connect(config, SparkConnectConnection::openAt);
  }

  /**
   * Connects to the endpoint of {@code config}, waiting at most {@code timeoutMillis} (0: no
   * limit).
   */
  private static SparkConnectConnection openAt(ConnectionConfig config, long timeoutMillis)
      throws SQLException {
    ConnectClient client;
    try {
      client = new ConnectClient(config);
    } catch (IllegalArgumentException e) {
      // gRPC's own checks of the host name and of header names from the URL
      throw SqlErrors.invalidUrl(config.endpointUrl(), e.getMessage(), ConnectionConfig.URL_FORM);
    }
    try {
      String version = client.sparkVersion(timeoutMillis);
      return new SparkConnectConnection(config, client, version);
    } catch (SQLException e) {
      client.close();
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08") || state.startsWith("28")) {
        throw e;
      }
      throw new SQLNonTransientConnectionException(
          "Cannot connect to the Spark Connect server at "
              + config.endpointUrl()
              + ": "
              + e.getMessage(),
          SqlState.CONNECTION_FAILURE,
          e);
    } catch (RuntimeException e) {
      client.close();
      throw new SQLNonTransientConnectionException(
          "Cannot connect to the Spark Connect server at " + config.endpointUrl() + ": " + e,
          SqlState.CONNECTION_FAILURE,
          e);
    }
  }

  /**
   * Spark's session time zone (for rendering VARIANT timestamps), asked once when first needed; the
   * JVM's zone if the server does not say.
   */
  private ZoneId sessionZone() {
    ZoneId zone = sessionZone;
    if (zone == null) {
      try {
        zone = ZoneId.of(client.config("spark.sql.session.timeZone"));
      } catch (SQLException | RuntimeException e) {
        zone = ZoneId.systemDefault();
      }
      sessionZone = zone;
    }
    return zone;
  }

  /**
   * A SET or RESET may have changed the session time zone (ask again when next needed) or how the
   * session reads SQL (translate the next statements accordingly).
   */
  void sessionConfigChanged(String sql) {
    sessionZone = null;
    synchronized (sessionSql) {
      if (sessionSql.apply(sql)) {
        translator = new SqlToPlan(translator.config().withSession(sessionSql.settings()));
      }
    }
  }

  public ConnectClient client() {
    return client;
  }

  BufferAllocator allocator() {
    return allocator;
  }

  @Override
  public Connection connection() {
    return this;
  }

  @Override
  public String sparkVersion() {
    return sparkVersion;
  }

  @Override
  public ConnectionConfig config() {
    return config;
  }

  @Override
  public void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("connection");
    }
    SQLException ended = client.sessionEnded();
    if (ended != null) {
      throw ended;
    }
  }

  void statementClosed(SparkConnectStatement statement) {
    statements.remove(statement);
  }

  private void addWarning(String message) {
    addWarning(new SQLWarning(message, SqlState.WARNING));
  }

  private void addWarning(SQLWarning w) {
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  @Override
  public dev.sparkjdbc.proto.DataType tableSchema(String qualifiedName) throws SQLException {
    checkOpen();
    return client.schema(Plans.readTable(qualifiedName));
  }

  /** A statement the driver runs for itself (metadata); it goes to Spark as text. */
  @Override
  public Statement internalStatement() throws SQLException {
    checkOpen();
    SparkConnectStatement statement = new SparkConnectStatement(this, true);
    statements.add(statement);
    return statement;
  }

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    SparkConnectStatement statement = new SparkConnectStatement(this, false);
    statements.add(statement);
    return statement;
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  /** Other cursor kinds are downgraded to forward-only, read-only, with a warning (spec). */
  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    warnIfDowngraded(type, concurrency);
    return createStatement();
  }

  private void warnIfDowngraded(int type, int concurrency) {
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      addWarning("Result sets are TYPE_FORWARD_ONLY; the requested type was downgraded");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      addWarning("Result sets are CONCUR_READ_ONLY; the requested concurrency was downgraded");
    }
  }

  /** Parsed and translated once here; executions bind the current parameter values. */
  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    SparkConnectPreparedStatement statement = new SparkConnectPreparedStatement(this, sql);
    statements.add(statement);
    return statement;
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    return prepareStatement(sql, type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  /** Other cursor kinds are downgraded to forward-only, read-only, with a warning (spec). */
  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    warnIfDowngraded(type, concurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepareStatement(sql);
  }

  /** Spark has no stored procedures. */
  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Stored procedures (CallableStatement)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    return prepareCall(sql);
  }

  /** The statement with its JDBC escapes rewritten into the Spark SQL the driver sends. */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw new java.sql.SQLSyntaxErrorException(
          "The SQL statement is null", SqlState.SYNTAX_ERROR);
    }
    return toSpark(sql);
  }

  /**
   * {@code sql} with its JDBC escapes as Spark SQL; a bad escape is 42601, {@code {call}} 0A000.
   */
  String toSpark(String sql) throws SQLException {
    try {
      return translator.toSpark(sql);
    } catch (SqlTranslationException e) {
      throw SparkConnectStatement.strictRefusal(e);
    }
  }

  /**
   * Spark has no transactions: every statement takes effect when it completes. Turning auto-commit
   * off is accepted (tools do it routinely) with a warning saying so.
   */
  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit && this.autoCommit) {
      addWarning("Spark has no transactions: each statement takes effect when it completes");
    }
    this.autoCommit = autoCommit;
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return autoCommit;
  }

  /** Nothing is pending, so there is nothing to commit. */
  @Override
  public void commit() throws SQLException {
    checkOpen();
    if (autoCommit) {
      throw new SQLException(
          "commit() while auto-commit is on", SqlState.INVALID_TRANSACTION_STATE);
    }
  }

  /** Nothing is pending, so there is nothing to undo; statements already took effect. */
  @Override
  public void rollback() throws SQLException {
    checkOpen();
    if (autoCommit) {
      throw new SQLException(
          "rollback() while auto-commit is on", SqlState.INVALID_TRANSACTION_STATE);
    }
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Savepoints (Spark has no transactions)");
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Savepoints (Spark has no transactions)");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return setSavepoint();
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    setSavepoint();
  }

  /**
   * True after close or abort, and also once the server said it ended this connection's session
   * (expired, released or restarted): nothing can run on it any more. close() still frees it.
   */
  @Override
  public boolean isClosed() {
    return closed || client.hasSessionEnded();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new SparkConnectDatabaseMetaData(this);
  }

  /** A hint only: Spark enforces no read-only mode over Connect. */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  /**
   * Switches Spark's current catalog ({@code SET CATALOG}); null is ignored, as the spec allows.
   */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
    if (catalog != null) {
      runInternal("SET CATALOG " + CatalogListing.quote(catalog));
    }
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return queryOneString("SELECT current_catalog()");
  }

  private void runInternal(String sql) throws SQLException {
    try (Statement s = internalStatement()) {
      s.execute(sql);
    }
  }

  private String queryOneString(String sql) throws SQLException {
    try (Statement s = internalStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    if (level != TRANSACTION_NONE) {
      addWarning("Spark has no transactions; the isolation level stays TRANSACTION_NONE");
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    compression.takeWarnings().forEach(this::addWarning);
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    compression.takeWarnings();
    warnings = null;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return Map.of();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported("Custom type maps");
    }
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      addWarning("Result sets are always HOLD_CURSORS_OVER_COMMIT (there are no commits)");
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Clob createClob() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Clob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Blob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("NClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("SQLXML");
  }

  /** Proves the server answers with a real round trip, bounded by the timeout. */
  @Override
  public boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("Timeout must not be negative", SqlState.INVALID_ARGUMENT);
    }
    if (isClosed()) {
      return false;
    }
    try {
      client.sparkVersion(timeoutSeconds == 0 ? 0 : timeoutSeconds * 1000L);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (isClosed()) {
      throw new SQLClientInfoException(
          "This connection is closed", SqlState.CONNECTION_CLOSED, Map.of());
    }
    if (name == null) {
      throw new SQLClientInfoException(
          "The client info name is null", SqlState.INVALID_ARGUMENT, Map.of());
    }
    synchronized (clientInfo) {
      if (value == null) {
        clientInfo.remove(name);
      } else {
        clientInfo.setProperty(name, value);
      }
      client.setOperationTags(OperationTags.of(config.userAgent(), clientInfo));
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (isClosed()) {
      throw new SQLClientInfoException(
          "This connection is closed", SqlState.CONNECTION_CLOSED, Map.of());
    }
    synchronized (clientInfo) {
      clientInfo.clear();
      if (properties != null) {
        clientInfo.putAll(properties);
      }
      client.setOperationTags(OperationTags.of(config.userAgent(), clientInfo));
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    if (name == null) {
      throw new SQLException("The client info name is null", SqlState.INVALID_ARGUMENT);
    }
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  /**
   * An array to bind with {@code setArray}; {@code typeName} is a Spark type ("INT", "STRING"…).
   */
  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    checkOpen();
    if (typeName == null || elements == null) {
      throw new SQLException(
          "createArrayOf needs a type name and elements", SqlState.INVALID_ARGUMENT);
    }
    SqlText.requireEncodable(typeName, "array type name");
    return new SparkArray(
        SparkTypeNames.parse(typeName), elements.clone(), columnContext.detachedRows());
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("createStruct");
  }

  /** Switches Spark's current namespace in the current catalog ({@code USE}). */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema != null) {
      runInternal("USE " + CatalogListing.quote(schema));
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return queryOneString("SELECT current_schema()");
  }

  /**
   * Marks the connection closed at once and wakes every thread waiting on the server (they get an
   * 08003 error); the rest of the clean-up (interrupting operations, releasing the session, closing
   * the channel) runs on {@code executor}.
   */
  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("abort needs an executor", SqlState.INVALID_ARGUMENT);
    }
    if (closed) {
      return;
    }
    closed = true;
    for (SparkConnectStatement statement : statements) {
      statement.stopRunning(SqlErrors.aborted());
    }
    executor.execute(this::release);
  }

  /**
   * Bounds every wait for the server: a unary call's deadline, and the longest silence while a
   * result streams. When it expires the caller gets an 08006 error and the connection closes, as
   * JDBC specifies. A long query that sends nothing for that long is cut too, so the value must
   * exceed the longest silent phase of the workload.
   */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw new SQLException("Network timeout must not be negative", SqlState.INVALID_ARGUMENT);
    }
    networkTimeoutMillis = milliseconds;
    client.setCallTimeoutMillis(milliseconds);
  }

  /** What this connection's server operations need of it. */
  SessionLink sessionLink() {
    return sessionLink;
  }

  /** The network timeout expired: the connection is closed (JDBC), in the background. */
  void networkTimedOut() {
    if (closed) {
      return;
    }
    closed = true;
    DriverThreads.start(this::release, "sparkjdbc-close-after-network-timeout");
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeoutMillis;
  }

  /** Closes every statement and result set, releases the server session, frees Arrow memory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    release();
  }

  /** Everything close() frees; runs once, on the closing thread or abort's executor. */
  private void release() {
    synchronized (timer) {
      if (released) {
        return;
      }
      released = true;
    }
    for (SparkConnectStatement statement : statements) {
      statement.close();
    }
    statements.clear();
    timer.close();
    client.close();
    closeAllocator();
    DriverDiagnostics.connectionClosed();
  }

  /**
   * Frees the connection's Arrow memory. Memory still held here would be a driver bug: it is logged
   * (and stays visible in {@link DriverDiagnostics}) instead of failing the close.
   */
  private void closeAllocator() {
    awaitResultsLetGo();
    try {
      allocator.close();
    } catch (IllegalStateException leaked) {
      Logger.getLogger(SparkConnectConnection.class.getName())
          .log(Level.SEVERE, "Arrow memory still held when the connection closed", leaked);
    }
  }

  /**
   * A result read on another thread (the connection closed by a network timeout, by abort, or from
   * another thread) lets go of its memory as it fails, a moment after its statement was closed
   * here; closing the allocator under it would turn its SQLException into an allocator error. So
   * the close waits for that, briefly: a reader that is woken fails at once.
   */
  private void awaitResultsLetGo() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (!allocator.getChildAllocators().isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "SparkConnectConnection["
        + config.endpointUrl()
        + ", session "
        + client.sessionId()
        + "]";
  }
}
