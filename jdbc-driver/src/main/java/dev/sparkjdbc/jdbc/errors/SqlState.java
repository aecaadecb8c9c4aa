package dev.sparkjdbc.jdbc.errors;

/**
 * Every SQLSTATE the driver itself reports, named once. The server's own states (from Spark's error
 * details) pass through unchanged and are not listed here.
 */
public final class SqlState {
  // 01: warnings
  public static final String WARNING = "01000";

  /** ODBC's "invalid connection string attribute": an unknown connection property. */
  public static final String UNKNOWN_PROPERTY = "01S00";

  // 07: dynamic SQL
  /** A statement kind the call cannot run (executeUpdate with a query, executeQuery with DML). */
  public static final String WRONG_STATEMENT_KIND = "07000";

  /** A prepared statement executed while a parameter has no value. */
  public static final String PARAMETER_NOT_SET = "07001";

  /** A column or parameter index outside the valid range. */
  public static final String INVALID_INDEX = "07009";

  // 08: connections
  public static final String CONNECTION_FAILURE = "08001";
  public static final String CONNECTION_CLOSED = "08003";
  public static final String CONNECTION_BROKEN = "08006";

  /**
   * The link to the server broke after the connection was established (server gone, network down,
   * keep-alive unanswered): "communication link failure", as MySQL's and pgjdbc's drivers report
   * it. Failing to connect at all stays {@link #CONNECTION_FAILURE}.
   */
  public static final String COMMUNICATION_LINK_FAILURE = "08S01";

  // 0A: features
  public static final String NOT_SUPPORTED = "0A000";

  // 21: cardinality
  /** A batch entry returned rows. */
  public static final String BATCH_RETURNED_ROWS = "21000";

  // 22: data
  public static final String DATA_OUT_OF_RANGE = "22003";
  public static final String INVALID_DATETIME_FORMAT = "22007";
  public static final String DATETIME_OUT_OF_RANGE = "22008";
  public static final String INVALID_CAST = "22018";

  /** Text with no UTF-8 form (an unpaired surrogate). */
  public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

  /** A parameter value the driver cannot bind. */
  public static final String INVALID_PARAMETER_VALUE = "22023";

  /** An array slice outside the array. */
  public static final String ARRAY_INDEX_OUT_OF_RANGE = "2202E";

  // 24, 25: cursor and transaction state
  public static final String INVALID_CURSOR_STATE = "24000";
  public static final String INVALID_TRANSACTION_STATE = "25000";

  // 28: authorization
  public static final String INVALID_AUTHORIZATION = "28000";

  // 42: syntax and access
  public static final String SYNTAX_ERROR = "42000";
  public static final String SYNTAX_ERROR_AT = "42601";
  public static final String NO_SUCH_COLUMN = "42S22";

  // 54: limits
  public static final String TOO_LARGE = "54000";

  // HY: the CLI's general states
  public static final String GENERAL = "HY000";
  public static final String CANCELLED = "HY008";
  public static final String INVALID_ARGUMENT = "HY024";
  public static final String TIMEOUT = "HYT00";

  private SqlState() {}
}
