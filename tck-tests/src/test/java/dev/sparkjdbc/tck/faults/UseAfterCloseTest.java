package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every method of {@code Connection}, {@code Statement}, {@code PreparedStatement}, {@code
 * ResultSet} and {@code DatabaseMetaData}, called by reflection with dummy arguments on a closed
 * object, throws an {@link SQLException} saying the object is closed. The JDBC javadoc states it
 * method by method ("…or this method is called on a closed Connection/Statement/result set"). The
 * few methods that legitimately answer on a closed object are listed below, each with the reason;
 * an entry that names no method of the interface fails the test, so the lists cannot go stale.
 *
 * <p>Interface default methods the driver does not override (JDBC 4.2/4.3 additions such as {@code
 * setObject(int, Object, SQLType)}) may throw any {@code SQLException} (typically {@code
 * SQLFeatureNotSupportedException}); methods the driver implements must say "closed".
 *
 * <p>{@code ResultSetMetaData} is the documented exception: it is a snapshot of the result's
 * columns and keeps answering, with the same values, after its result set, statement and connection
 * are closed (the driver's class documentation says so). That is checked reflectively too.
 */
@ExtendWith(SparkConnectServerExtension.class)
class UseAfterCloseTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** Methods every JDBC object may answer after close, with the reason. */
  private static final Map<String, String> WRAPPER =
      Map.of(
          "unwrap(Class)", "java.sql.Wrapper is about the Java object, not the database session",
          "isWrapperFor(Class)",
              "java.sql.Wrapper is about the Java object, not the database session");

  private static final Map<String, String> CONNECTION_ALLOWED =
      with(
          WRAPPER,
          Map.of(
              "close()", "javadoc: calling close on a closed Connection is a no-op",
              "isClosed()", "javadoc: the one way to find out the connection is closed",
              "isValid(int)", "javadoc: returns false when the connection has been closed",
              "abort(Executor)", "javadoc: calling abort on a closed connection is a no-op",
              "beginRequest()",
                  "JDBC 4.3 request-demarcation hint for pools; the interface default is a"
                      + " no-op and the javadoc names no closed-connection error",
              "endRequest()",
                  "JDBC 4.3 request-demarcation hint for pools; the interface default is a"
                      + " no-op and the javadoc names no closed-connection error"));

  private static final Map<String, String> STATEMENT_ALLOWED =
      with(
          WRAPPER,
          Map.of(
              "close()", "javadoc: calling close on a closed Statement has no effect",
              "isClosed()", "javadoc: the one way to find out the statement is closed",
              "enquoteLiteral(String)",
                  "JDBC 4.3 string helper: the javadoc's only error is about the"
                      + " argument, not the statement",
              "enquoteIdentifier(String,boolean)",
                  "JDBC 4.3 string helper: the javadoc's only error is"
                      + " about the argument, not the statement",
              "isSimpleIdentifier(String)",
                  "JDBC 4.3 string helper: the javadoc's only error is about"
                      + " the argument, not the statement",
              "enquoteNCharLiteral(String)",
                  "JDBC 4.3 string helper: the javadoc's only error is about"
                      + " the argument, not the statement"));

  private static final Map<String, String> RESULT_SET_ALLOWED =
      with(
          WRAPPER,
          Map.of(
              "close()", "javadoc: calling close on a closed ResultSet is a no-op",
              "isClosed()", "javadoc: the one way to find out the result set is closed"));

  private static final Map<String, String> METADATA_ALLOWED =
      with(
          WRAPPER,
          Map.of(
              "getDriverMajorVersion()", "declares no SQLException: a fact about the driver jar",
              "getDriverMinorVersion()", "declares no SQLException: a fact about the driver jar",
              "getConnection()",
                  "javadoc names no closed-connection error; it returns the (closed)"
                      + " connection, whose isClosed() then says so"));

  // ---------------------------------------------------------------------------------------

  @Test
  void closedConnectionRefusesEveryMethod(SparkConnectServer server) throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    c.close();

    assertThat(c.isClosed()).isTrue();
    assertThat(c.isValid(1)).isFalse();
    c.close(); // again: no-op
    assertEveryMethodRefuses(Connection.class, c, CONNECTION_ALLOWED);
  }

  @Test
  void closedStatementRefusesEveryMethod(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url())) {
      Statement s = c.createStatement();
      s.executeQuery("SELECT 1").close();
      s.close();
      assertThat(s.isClosed()).isTrue();
      assertEveryMethodRefuses(Statement.class, s, STATEMENT_ALLOWED);
      assertThat(c.isClosed()).as("closing a statement leaves its connection open").isFalse();
    }
  }

  @Test
  void statementOfAClosedConnectionRefusesEveryMethod(SparkConnectServer server)
      throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    Statement s = c.createStatement();
    c.close();
    assertThat(s.isClosed()).isTrue();
    assertEveryMethodRefuses(Statement.class, s, STATEMENT_ALLOWED);
  }

  @Test
  void closedPreparedStatementRefusesEveryMethod(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url())) {
      PreparedStatement ps = c.prepareStatement("SELECT ? + 1");
      ps.setInt(1, 1);
      ps.executeQuery().close();
      ps.close();
      assertThat(ps.isClosed()).isTrue();
      assertEveryMethodRefuses(PreparedStatement.class, ps, STATEMENT_ALLOWED);
    }
  }

  @Test
  void preparedStatementOfAClosedConnectionRefusesEveryMethod(SparkConnectServer server)
      throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    PreparedStatement ps = c.prepareStatement("SELECT ? + 1");
    c.close();
    assertThat(ps.isClosed()).isTrue();
    assertEveryMethodRefuses(PreparedStatement.class, ps, STATEMENT_ALLOWED);
  }

  @Test
  void closedResultSetRefusesEveryMethod(SparkConnectServer server) throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url());
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT id, CAST(id AS STRING) AS s FROM range(5)");
      assertThat(rs.next()).isTrue();
      rs.close();
      assertThat(rs.isClosed()).isTrue();
      assertEveryMethodRefuses(ResultSet.class, rs, RESULT_SET_ALLOWED);
      assertThat(s.isClosed()).as("closing a result set leaves its statement open").isFalse();
    }
  }

  @Test
  void resultSetOfAClosedStatementRefusesEveryMethod(SparkConnectServer server)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(server.url())) {
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT id FROM range(100000)");
      assertThat(rs.next()).isTrue();
      s.close();
      assertThat(rs.isClosed()).isTrue();
      assertEveryMethodRefuses(ResultSet.class, rs, RESULT_SET_ALLOWED);
    }
  }

  @Test
  void resultSetOfAClosedConnectionRefusesEveryMethod(SparkConnectServer server)
      throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    PreparedStatement ps = c.prepareStatement("SELECT id FROM range(?)");
    ps.setLong(1, 100000);
    ResultSet rs = ps.executeQuery();
    assertThat(rs.next()).isTrue();
    c.close();
    assertThat(rs.isClosed()).isTrue();
    assertEveryMethodRefuses(ResultSet.class, rs, RESULT_SET_ALLOWED);
  }

  @Test
  void metadataResultSetOfAClosedConnectionRefusesEveryMethod(SparkConnectServer server)
      throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    ResultSet rs = c.getMetaData().getTableTypes();
    assertThat(rs.next()).isTrue();
    rs.close();
    c.close();
    assertEveryMethodRefuses(ResultSet.class, rs, RESULT_SET_ALLOWED);
  }

  @Test
  void databaseMetaDataOfAClosedConnectionRefusesEveryMethod(SparkConnectServer server)
      throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    DatabaseMetaData md = c.getMetaData();
    assertThat(md.getDatabaseProductName()).isNotEmpty();
    c.close();
    assertThat(md.getConnection()).isSameAs(c);
    assertEveryMethodRefuses(DatabaseMetaData.class, md, METADATA_ALLOWED);
  }

  /**
   * The documented exception: {@code ResultSetMetaData} is a snapshot. After its result set,
   * statement and connection are closed, every method gives the answer it gave before, and a bad
   * column index is still an SQLException.
   */
  @Test
  void resultSetMetaDataIsASnapshotThatOutlivesItsResultSet(SparkConnectServer server)
      throws SQLException {
    Connection c = DriverManager.getConnection(server.url());
    Statement s = c.createStatement();
    ResultSet rs =
        s.executeQuery(
            "SELECT id, CAST(id AS STRING) AS s, CAST(id AS DECIMAL(10,2)) AS d FROM range(3)");
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> before = answers(md);
    assertThat(before).isNotEmpty();

    rs.close();
    Map<String, Object> afterResultSet = answers(md);
    s.close();
    c.close();
    Map<String, Object> afterConnection = answers(md);

    assertThat(afterResultSet).isEqualTo(before);
    assertThat(afterConnection).isEqualTo(before);
    assertThat(md.getColumnCount()).isEqualTo(3);
    assertThat(md.getColumnLabel(2)).isEqualTo("s");
    for (int bad : new int[] {0, -1, 4}) {
      try {
        md.getColumnType(bad);
        throw new AssertionError("getColumnType(" + bad + ") answered");
      } catch (SQLException expected) {
        assertThat(expected.getMessage()).contains(Integer.toString(bad));
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Machinery

  /** Every method of {@code iface}, for every column 1..n, called reflectively: name → answer. */
  private static Map<String, Object> answers(ResultSetMetaData md) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Method m : sorted(ResultSetMetaData.class)) {
      if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
        continue;
      }
      Class<?>[] types = m.getParameterTypes();
      int columns = 3;
      for (int column = 1; column <= (types.length == 0 ? 1 : columns); column++) {
        Object[] args = types.length == 0 ? new Object[0] : new Object[] {column};
        String key = signature(m) + (types.length == 0 ? "" : "#" + column);
        try {
          out.put(key, m.invoke(md, args));
        } catch (InvocationTargetException e) {
          out.put(key, "threw " + e.getCause());
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }

  /**
   * Calls every public method of {@code iface} on {@code closed} with dummy arguments and collects
   * every answer that is not an SQLException (or, from a method the driver implements, an
   * SQLException that does not say "closed"). {@code allowed}: signature → reason.
   */
  private static <T> void assertEveryMethodRefuses(
      Class<T> iface, T closed, Map<String, String> allowed) {
    List<Method> methods = sorted(iface);
    Set<String> signatures =
        methods.stream()
            .map(UseAfterCloseTest::signature)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(signatures)
        .as("allowed entries must name methods of %s", iface.getSimpleName())
        .containsAll(allowed.keySet());

    List<String> failures =
        assertTimeoutPreemptively(
            LIMIT,
            () -> {
              List<String> out = new ArrayList<>();
              for (Method m : methods) {
                String sig = signature(m);
                if (allowed.containsKey(sig)) {
                  continue;
                }
                String problem = refusal(iface, closed, m);
                if (problem != null) {
                  out.add(iface.getSimpleName() + "." + sig + ": " + problem);
                }
              }
              return out;
            },
            () -> "a method of a closed " + iface.getSimpleName() + " did not answer in " + LIMIT);
    System.out.println(
        "UseAfterCloseTest: "
            + iface.getSimpleName()
            + " — "
            + (methods.size() - allowed.size())
            + " methods refused after close, "
            + allowed.size()
            + " allowed");
    assertThat(failures)
        .as(
            "methods of a closed %s that did not throw an SQLException saying it is closed"
                + " (%d of %d)",
            iface.getSimpleName(), failures.size(), methods.size())
        .isEmpty();
  }

  /** Null when {@code m} refused properly; otherwise what it did instead. */
  private static String refusal(Class<?> iface, Object closed, Method m) {
    // The object is closed, so any plausible argument will do: the method must refuse before
    // looking at it.
    Object[] args =
        Arrays.stream(m.getParameterTypes())
            .map(type -> ArgumentValues.valid(type, 1, false))
            .toArray();
    try {
      Object result = m.invoke(closed, args);
      return "answered " + show(result) + " instead of throwing";
    } catch (IllegalAccessException e) {
      return "cannot be called: " + e;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (!(cause instanceof SQLException sql)) {
        return "threw " + cause + " (not an SQLException)";
      }
      boolean implemented;
      try {
        implemented =
            !closed
                .getClass()
                .getMethod(m.getName(), m.getParameterTypes())
                .getDeclaringClass()
                .isInterface();
      } catch (NoSuchMethodException impossible) {
        implemented = true;
      }
      String message = sql.getMessage() == null ? "" : sql.getMessage();
      if (implemented && !message.toLowerCase(Locale.ROOT).contains("closed")) {
        return "threw an SQLException that does not say the object is closed: "
            + sql
            + " (SQLSTATE "
            + sql.getSQLState()
            + ")";
      }
      return null;
    }
  }

  private static String show(Object result) {
    if (result instanceof ResultSet rs) {
      try {
        rs.close();
      } catch (SQLException ignored) {
        // only for the message
      }
      return "a ResultSet";
    }
    String s = String.valueOf(result);
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static List<Method> sorted(Class<?> iface) {
    return Arrays.stream(iface.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparing(UseAfterCloseTest::signature))
        .toList();
  }

  private static String signature(Method m) {
    return m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(",", "(", ")"));
  }

  @SafeVarargs
  private static Map<String, String> with(Map<String, String>... maps) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> m : maps) {
      out.putAll(m);
    }
    return out;
  }
}
