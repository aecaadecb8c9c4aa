package dev.sparkjdbc.jdbc;

import com.google.protobuf.ByteString;
import dev.sparkjdbc.jdbc.client.ArrowBatchSource;
import dev.sparkjdbc.jdbc.client.ExecutionControl;
import dev.sparkjdbc.jdbc.client.ExecutionStream;
import dev.sparkjdbc.jdbc.client.ReadAheadSource;
import dev.sparkjdbc.jdbc.client.ServerCapabilities;
import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.jdbc.result.ResultOwner;
import dev.sparkjdbc.jdbc.result.ResultRelease;
import dev.sparkjdbc.jdbc.result.SparkConnectResultSet;
import dev.sparkjdbc.jdbc.statement.Plans;
import dev.sparkjdbc.jdbc.statement.SqlText;
import dev.sparkjdbc.plan.PlanFeature;
import dev.sparkjdbc.plan.SqlStatement;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.plan.Translation;
import dev.sparkjdbc.plan.TranslationConfig;
import dev.sparkjdbc.plan.TranslationConfig.Quoting;
import dev.sparkjdbc.proto.ExecutePlanResponse;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Plan;
import dev.sparkjdbc.proto.Relation;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Runs SQL text on the server. Queries go out as a {@code Relation.sql} plan and stream back at
 * once; everything else goes through Spark's SQL command path, which runs commands eagerly and
 * answers either with their (inline) output or, for queries we did not recognise, with the relation
 * to stream.
 */
class SparkConnectStatement
    implements SelfWrapper, Statement, SparkConnectStatementInfo, ResultOwner {
  /** The first column of the row Delta Lake's DML answers with. */
  private static final String AFFECTED_ROWS = "num_affected_rows";

  private static final Logger LOG = Logger.getLogger(SparkConnectStatement.class.getName());

  private final SparkConnectConnection connection;
  private final boolean internal;
  private SparkConnectResultSet resultSet;
  private long updateCount = -1;
  private boolean updateCountKnown;
  private long maxRows;
  private int maxFieldSize;
  private int fetchSize;
  private int queryTimeout;
  private boolean closeOnCompletion;
  private boolean poolable;
  private boolean escapeProcessing = true;
  private volatile boolean closed;
  private final ExecutionControl execution;
  private Translation lastTranslation;
  private final List<String> batch = new ArrayList<>();

  /** What the connection frees of this statement's results if it closes first (not this). */
  private final OpenResults openResults = new OpenResults();

  SparkConnectStatement(SparkConnectConnection connection, boolean internal) {
    this.connection = connection;
    this.execution = new ExecutionControl(connection.sessionLink());
    this.internal = internal;
  }

  OpenResults openResults() {
    return openResults;
  }

  @Override
  public void resultOpened(ResultRelease release) {
    openResults.add(release);
  }

  SparkConnectConnection connection() {
    return connection;
  }

  /** Statements the driver opens for itself (metadata) are not shown to users as owners. */
  @Override
  public Statement visibleStatement() {
    return internal ? null : this;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw SqlErrors.closed("statement");
    }
    connection.checkOpen();
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    checkOpen();
    closeResults();
    SqlText.requireSql(sql);
    boolean outermost = beginExecution();
    try {
      String text = sparkSql(sql);
      return execute(text, translate(text), List.of());
    } finally {
      endExecution(outermost);
    }
  }

  /** See {@link ExecutionControl#begin}: true for the outermost call, which must end it. */
  final boolean beginExecution() {
    return execution.begin(queryTimeout);
  }

  final void endExecution(boolean outermost) {
    execution.end(outermost);
  }

  private ExecutionStream startOperation(Plan plan) throws SQLException {
    return execution.start(plan, queryTimeout);
  }

  /** How this connection's SQL quotes identifiers. */
  final Quoting quoting() {
    return connection.translator().config().quoting();
  }

  /** Stops whatever this statement runs (cancel, abort), or the execution about to start. */
  void stopRunning(SQLException reason) {
    execution.stop(reason);
  }

  /**
   * Runs a statement the translator has seen: its plan, or its text with {@code arguments} as
   * Spark's named parameters (never spliced into the text).
   */
  boolean execute(String sql, Translation translation, List<Expression> arguments)
      throws SQLException {
    closeResults();
    if (translation.explainMode().isPresent()) {
      resultSet = explain(translation);
      return true;
    }
    if (translation.isTranslated()) {
      try {
        resultSet = stream(Plans.query(translation.relation().orElseThrow()));
        return true;
      } catch (SQLException rejected) {
        if (!worthRetryingAsText(rejected)) {
          throw rejected;
        }
        asTextAfterRejection(sql, translation, rejected);
        boolean result;
        try {
          result = executeText(sql, translation, arguments);
        } catch (SQLException alsoAsText) {
          // The text fails too: the statement's own error (a missing table, say), not the
          // translation's fault, so nothing to report above FINE.
          LOG.fine(() -> "The statement failed as SQL text too (" + alsoAsText.getSQLState() + ")");
          throw alsoAsText;
        }
        LOG.info(
            () ->
                "The server rejected a translated plan that runs as SQL text ("
                    + rejected.getSQLState()
                    + "). Please report it with the statement; FINE logging shows the SQL.");
        return result;
      }
    }
    return executeText(sql, translation, arguments);
  }

  private boolean executeText(String sql, Translation translation, List<Expression> arguments)
      throws SQLException {
    if (translation.isQuery() || SqlText.isQuery(sql)) {
      return streamOrCount(Plans.textQuery(sql, arguments, quoting()), sql);
    }
    String keyword = SqlText.firstKeyword(sql);
    if (keyword.equals("SET") || keyword.equals("RESET")) {
      connection.sessionConfigChanged(sql); // e.g. the session time zone, ANSI settings
    }
    return runCommand(sql, arguments);
  }

  /**
   * Whether the server's refusal of a translated plan could be the translation's fault, so that the
   * statement's text might run: anything but a lost connection, a cancel, a timeout or a job Spark
   * aborted for its resources, and never in strict mode, whose promise is that a statement runs
   * translated or not at all.
   */
  private boolean worthRetryingAsText(SQLException e) {
    String state = e.getSQLState();
    return connection.translator().config().mode() != TranslationConfig.Mode.STRICT
        && !isClosed()
        && !isJobAbortedForResources(e)
        && (state == null
            || !(state.startsWith("08")
                || state.equals(SqlState.CANCELLED)
                || state.equals(SqlState.TIMEOUT)));
  }

  /**
   * A job Spark's scheduler aborted with no error class of its own (results over {@code
   * spark.driver.maxResultSize}, a task out of memory, lost executors): the plan ran, so the same
   * job as text would only fail again after as long, on a server already short of memory. Errors of
   * the query itself (a failed cast, a division by zero) carry a SQLSTATE of their own and are
   * still retried.
   */
  private static boolean isJobAbortedForResources(SQLException e) {
    return SqlState.GENERAL.equals(e.getSQLState())
        && e.getMessage() != null
        && e.getMessage().startsWith("Job aborted due to stage failure");
  }

  /**
   * The server rejected a translated plan: the statement goes as text, as Spark would read it, so a
   * translation can never make a statement fail that Spark runs (and a statement Spark rejects
   * fails with Spark's own error for that text). The connection remembers it, so the next run of
   * the same text goes straight to text.
   */
  private void asTextAfterRejection(String sql, Translation translation, SQLException rejected) {
    String reason =
        "the server rejected the translated plan: "
            + firstLine(rejected.getMessage())
            + " (SQLSTATE "
            + rejected.getSQLState()
            + ")";
    connection.translator().rememberRejected(sql, reason);
    lastTranslation = translation.asText(reason);
    LOG.fine(() -> "Rejected translation, sent as SQL text: " + sql);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /**
   * EXPLAIN of a translated query: the plan Spark would run, from the AnalyzePlan RPC, as one row
   * with one column {@code plan}, the shape of Spark's own EXPLAIN output.
   */
  private SparkConnectResultSet explain(Translation translation) throws SQLException {
    String explanation =
        connection
            .client()
            .explain(
                Plans.query(translation.relation().orElseThrow()),
                translation.explainMode().orElseThrow());
    return stream(Plans.explanation(explanation));
  }

  /**
   * The statement as Spark reads it: JDBC escapes rewritten into Spark SQL unless escape processing
   * is off, when they reach Spark as written. Every later step reads this text.
   */
  private String sparkSql(String sql) throws SQLException {
    return escapeProcessing ? connection.toSpark(sql) : sql;
  }

  private Translation translate(String sql) throws SQLException {
    Translation translation;
    try {
      translation = connection.translator().translateSpark(sql, List.of());
    } catch (SqlTranslationException e) {
      throw strictRefusal(e);
    }
    return recordTranslation(sql, translation);
  }

  static SQLException strictRefusal(SqlTranslationException e) {
    if (e.inEveryMode()) {
      return new SQLFeatureNotSupportedException(e.getMessage(), SqlState.NOT_SUPPORTED, e);
    }
    return e.isSyntaxError()
        ? new SQLSyntaxErrorException(e.getMessage(), SqlState.SYNTAX_ERROR_AT, e)
        : new SQLFeatureNotSupportedException(
            e.getMessage()
                + " (translation_mode=strict; use 'translate' to send it to Spark as text)",
            SqlState.NOT_SUPPORTED,
            e);
  }

  /**
   * Records the translation this statement runs, as this connection's server can take it: a plan
   * using an element the server does not understand ({@link ServerCapabilities}) goes as SQL text
   * instead, or is refused in strict mode.
   */
  Translation recordTranslation(String sql, Translation translated) throws SQLException {
    Translation translation = forServer(translated);
    lastTranslation = translation;
    LOG.fine(
        () ->
            translation.isTranslated()
                ? "Translated into a Spark Connect plan: " + sql
                : "Sent as SQL text (" + translation.fallbackReason().orElse("") + "): " + sql);
    return translation;
  }

  /** {@code translation}, or SQL text where the server does not understand its plan. */
  final Translation forServer(Translation translation) throws SQLException {
    if (translation.features().isEmpty()) {
      return translation;
    }
    Optional<PlanFeature> missing = connection.capabilities().firstMissing(translation.features());
    if (missing.isEmpty()) {
      return translation;
    }
    String reason =
        "the server does not understand "
            + ServerCapabilities.describe(missing.get())
            + " in a plan";
    if (connection.translator().config().mode() == TranslationConfig.Mode.STRICT) {
      throw new SQLFeatureNotSupportedException(
          "Cannot translate for this server: "
              + reason
              + " (translation_mode=strict; use 'translate' to send it to Spark as text)",
          SqlState.NOT_SUPPORTED);
    }
    return translation.asText(reason);
  }

  @Override
  public boolean lastStatementTranslated() {
    return lastTranslation != null && lastTranslation.isTranslated();
  }

  @Override
  public Optional<String> lastOperationId() {
    return execution.lastOperationId();
  }

  @Override
  public void setProgressListener(SparkConnectProgressListener listener) {
    execution.setProgressSink(
        listener == null
            ? null
            : (operationId, progress) ->
                listener.onProgress(SparkConnectProgress.of(operationId, progress)));
  }

  @Override
  public Optional<String> lastFallbackReason() {
    return lastTranslation == null ? Optional.empty() : lastTranslation.fallbackReason();
  }

  private SparkConnectResultSet stream(Plan plan) throws SQLException {
    ExecutionStream operation = startOperation(plan);
    ArrowBatchSource stream = ReadAheadSource.of(operation, connection.config().readAhead());
    try {
      return new SparkConnectResultSet(this, connection.rows(stream), maxRows, maxFieldSize);
    } catch (SQLException | RuntimeException e) {
      execution.detach();
      stream.close();
      throw e;
    }
  }

  private boolean runCommand(String sql, List<Expression> arguments) throws SQLException {
    Plan plan = Plans.textCommand(sql, arguments, quoting());
    Relation result = null;
    try (ExecutionStream stream = startOperation(plan)) {
      for (ExecutePlanResponse r = stream.next(); r != null; r = stream.next()) {
        if (r.hasSqlCommandResult()) {
          result = r.getSqlCommandResult().getRelation();
        }
      }
    } finally {
      execution.detach();
    }
    String kind = SqlText.firstKeyword(sql);
    if (result == null || Plans.isEmptyLocalRelation(result)) {
      return withoutRows(sql, kind);
    }
    if (result.hasLocalRelation()) {
      SparkConnectResultSet rows =
          new SparkConnectResultSet(
              this,
              connection.rows(ArrowBatchSource.inline(result.getLocalRelation().getData())),
              maxRows,
              maxFieldSize);
      ResultSetMetaData columns = rows.getMetaData();
      if (columns.getColumnCount() == 0) {
        rows.close();
        return withoutRows(sql, kind);
      }
      if (SqlText.isDml(kind) && columns.getColumnLabel(1).equalsIgnoreCase(AFFECTED_ROWS)) {
        // Delta Lake's UPDATE, DELETE and MERGE (and a Databricks INSERT) answer with their
        // counts as a row: JDBC's answer to DML is the update count, not a result set.
        try (rows) {
          setUpdateCount(rows.next() ? rows.getLong(1) : 0, true);
        }
        return false;
      }
      resultSet = rows;
      return true;
    }
    // A query (or a large command output the server keeps cached): stream it.
    return streamOrCount(Plans.query(result), sql);
  }

  /**
   * Streams a query's rows. A {@code WITH} statement may instead be a write that Spark plans as a
   * query ({@code WITH … INSERT}): its answer has no columns, and it runs as the stream is read, so
   * it is read to its end and answered with a count. Only WITH waits here for the first answer;
   * other queries return at once and stream as they are read.
   */
  private boolean streamOrCount(Plan plan, String sql) throws SQLException {
    SparkConnectResultSet rows = stream(plan);
    String kind = SqlText.firstKeyword(sql);
    if (kind.equals("WITH") && rows.getMetaData().getColumnCount() == 0) {
      try (rows) {
        while (rows.next()) {
          // no columns to read: the write completes with the stream
        }
      }
      return withoutRows(sql, kind);
    }
    resultSet = rows;
    return true;
  }

  /**
   * A command that answered with no rows. DDL and the like count 0 rows (JDBC); an {@code INSERT …
   * VALUES} writes as many rows as it lists; other DML's count Spark does not say, nor that of a
   * {@code WITH … INSERT}, the only command a WITH can lead.
   */
  private boolean withoutRows(String sql, String kind) {
    OptionalLong rows =
        SqlText.isDml(kind)
            ? SqlStatement.of(sql, quoting()).insertValuesRows()
            : kind.equals("WITH") ? OptionalLong.empty() : OptionalLong.of(0);
    setUpdateCount(rows.orElse(0), rows.isPresent());
    return false;
  }

  /** {@code known} false: the statement ran, but how many rows it changed is not known. */
  final void setUpdateCount(long count, boolean known) {
    updateCount = count;
    updateCountKnown = known;
  }

  /** The update count for a batch entry: the count, or SUCCESS_NO_INFO where it is not known. */
  final long batchCount() {
    return updateCountKnown ? updateCount : SUCCESS_NO_INFO;
  }

  /** Runs a command plan to its end (e.g. a batch's append) that changes {@code rows} rows. */
  void runToCompletion(Plan plan, long rows) throws SQLException {
    closeResults();
    try (ExecutionStream stream = startOperation(plan)) {
      while (stream.next() != null) {
        // a write answers with progress and metrics only
      }
    } finally {
      execution.detach();
    }
    setUpdateCount(rows, true);
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    checkOpen();
    SqlText.requireSql(sql);
    refuseUpdate(sql);
    if (!execute(sql)) {
      throw SqlErrors.wrongStatementKind(
          "The statement produced no result set; use executeUpdate or "
              + "execute for statements that return no rows");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    checkOpen();
    SqlText.requireSql(sql);
    refuseQuery(sql);
    return updateCountWithoutRows(execute(sql));
  }

  /** executeUpdate runs no queries (JDBC): refused before anything reaches the server. */
  static void refuseQuery(String sql) throws SQLException {
    if (SqlText.isQuery(sql)) {
      throw SqlErrors.wrongStatementKind("executeUpdate cannot run a query; use executeQuery");
    }
  }

  /**
   * executeQuery runs only statements that return rows (JDBC): DML and DDL are refused before they
   * reach the server, so a mistaken call changes nothing.
   */
  static void refuseUpdate(String sql) throws SQLException {
    if (SqlText.isWithoutRows(sql)) {
      throw SqlErrors.wrongStatementKind(
          "executeQuery cannot run "
              + SqlText.firstKeyword(sql)
              + ", which returns no result set; use executeUpdate or execute");
    }
  }

  /** executeUpdate's answer once the statement ran; a statement that returned rows is an error. */
  final long updateCountWithoutRows(boolean producedRows) throws SQLException {
    if (producedRows) {
      closeResults();
      throw SqlErrors.wrongStatementKind(
          "The statement returned rows; use executeQuery or execute");
    }
    return updateCount;
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  /** Spark statements produce one result: afterwards there are no more. */
  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT) {
      closeResults();
    }
    resultSet = null;
    updateCount = -1;
    return false;
  }

  void closeResults() {
    SparkConnectResultSet rs = resultSet;
    resultSet = null;
    updateCount = -1;
    if (rs != null) {
      rs.close();
    }
  }

  @Override
  public void resultSetExhausted(ResultSet rs) {
    execution.detach();
  }

  @Override
  public void resultSetClosed(ResultSet rs) {
    if (resultSet == rs) {
      execution.detach();
      if (closeOnCompletion && !closed) {
        close();
      }
    }
  }

  /**
   * Stops this statement's execution from any thread, in any phase: before the operation starts
   * (translation), while the server runs it, or while its rows stream. The executing thread gets
   * SQLSTATE HY008; the server interrupts and drops the operation; the connection stays usable. A
   * statement that runs nothing is left alone.
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    stopRunning(SqlErrors.cancelled());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeResults();
    connection.statementClosed(this);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  /**
   * Cuts the character and binary values of later result sets to {@code max} bytes, silently, as
   * JDBC specifies; 0 is no limit.
   */
  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("Max field size must not be negative", SqlState.INVALID_ARGUMENT);
    }
    maxFieldSize = max;
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("Max rows must not be negative", SqlState.INVALID_ARGUMENT);
    }
    maxRows = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
    escapeProcessing = enable;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("Query timeout must not be negative", SqlState.INVALID_ARGUMENT);
    }
    queryTimeout = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    checkOpen();
    throw SqlErrors.noNamedCursors();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw new SQLException("Only FETCH_FORWARD is supported", SqlState.INVALID_ARGUMENT);
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("Fetch size must not be negative", SqlState.INVALID_ARGUMENT);
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    SqlText.requireSql(sql);
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  /**
   * Runs the batch's statements in order. Each entry's count is its update count, {@code
   * SUCCESS_NO_INFO} where that is not known; a statement that returns rows ends the batch with a
   * {@code BatchUpdateException}, as the specification says.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> statements = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[statements.size()];
    for (int i = 0; i < statements.size(); i++) {
      try {
        if (execute(statements.get(i))) {
          closeResults();
          throw SqlErrors.batchReturnedRows(
              "Batch entry " + i + " returned rows: " + statements.get(i),
              toInts(Arrays.copyOf(counts, i)));
        }
      } catch (BatchUpdateException e) {
        throw e;
      } catch (SQLException e) {
        throw SqlErrors.batchFailed(e, Arrays.copyOf(counts, i));
      }
      counts[i] = batchCount();
    }
    return counts;
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return toInts(executeLargeBatch());
  }

  static int[] toInts(long[] counts) {
    int[] out = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
    }
    return out;
  }

  /** Spark generates no keys: the result is always empty, as the spec allows. */
  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    return new SparkConnectResultSet(
        this, connection.rows(ArrowBatchSource.inline(ByteString.EMPTY)), 0);
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return executeUpdate(sql);
  }

  /** Spark generates no keys: these run as executeLargeUpdate(sql). */
  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return executeLargeUpdate(sql);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return execute(sql);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return execute(sql);
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }
}
