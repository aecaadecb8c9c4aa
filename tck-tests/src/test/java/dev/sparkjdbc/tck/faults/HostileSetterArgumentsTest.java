package dev.sparkjdbc.tck.faults;

import static dev.sparkjdbc.tck.faults.BadInput.answerOrSqlException;
import static dev.sparkjdbc.tck.faults.BadInput.escape;
import static dev.sparkjdbc.tck.faults.BadInput.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile arguments to {@code PreparedStatement} setters: Java types with no SQL mapping, values
 * that disagree with their target type, values beyond Spark's ranges, foreign and broken {@code
 * java.sql.Array}s, bad parameter indexes. Each is an {@link SQLException} with a message and a
 * SQLSTATE (or, where a cast is legitimate, a correct answer); never another exception or a
 * silently changed value, and the statement stays usable. The other bad-input tests are listed in
 * {@link BadInput}.
 */
@ExtendWith(SparkConnectServerExtension.class)
class HostileSetterArgumentsTest {
  /** Objects with no SQL mapping: an SQLException, and the statement still works afterwards. */
  @Test
  void setObjectWithUnbindableJavaTypes(SparkConnectServer server) throws SQLException {
    List<Object> values =
        List.of(
            new Thread(),
            new Object(),
            new int[] {1, 2},
            new long[] {1},
            new Object[] {1, "a"},
            new String[] {"a"},
            Optional.of(1),
            new StringBuilder("sb"),
            List.of(1, 2),
            Map.of("k", "v"),
            Locale.ROOT,
            Object.class,
            (Runnable) () -> {},
            new java.util.concurrent.atomic.AtomicInteger(1),
            Duration.ofSeconds(1),
            Period.ofDays(1),
            Year.of(2024),
            new char[] {'a'},
            OffsetTime.now(),
            ZoneId.of("UTC"),
            new Exception("boom"));
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      for (Object v : values) {
        String what = "setObject(" + v.getClass().getName() + ")";
        SQLException e =
            answerOrSqlException(
                failures,
                what,
                () -> {
                  ps.setObject(1, v);
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    failures.add(what + ": bound and executed, answered " + rs.getString(1));
                  }
                });
        if (e != null
            && !e.getMessage().contains(v.getClass().getSimpleName())
            && !e.getMessage().contains(v.getClass().getName())) {
          failures.add(what + ": the message does not name the class: " + e.getMessage());
        }
      }
      assertUsable(ps);
    }
    assertThat(failures).isEmpty();
  }

  /**
   * setObject(x, targetSqlType) where value and type disagree, or the type is unknown: an
   * SQLException when setting or executing (Spark's cast errors), or a correct cast.
   */
  @Test
  void setObjectWithMismatchedTargetTypes(SparkConnectServer server) throws SQLException {
    Object[][] cases = {
      {"abc", Types.INTEGER},
      {"2024-13-45", Types.DATE},
      {"not a time", Types.TIMESTAMP},
      {new byte[] {1, 2}, Types.DATE},
      {true, Types.TIMESTAMP},
      {Double.NaN, Types.INTEGER},
      {Double.POSITIVE_INFINITY, Types.BIGINT},
      {"1e400", Types.DOUBLE},
      {Long.MAX_VALUE, Types.TINYINT},
      {new Thread(), Types.VARCHAR},
      {new Object(), Types.JAVA_OBJECT},
      {1, Types.STRUCT},
      {1, Types.REF},
      {1, Types.ROWID},
      {1, Types.DATALINK},
      {1, Types.SQLXML},
      {1, Types.DISTINCT},
      {1, Types.REF_CURSOR},
      {1, 99_999},
      {1, -99_999},
      {1, Integer.MIN_VALUE},
      {"x", Types.ARRAY},
      {LocalDate.of(2024, 1, 1), Types.BOOLEAN},
      {"99999999999999999999999999999999999999999", Types.DECIMAL},
      {new int[] {1}, Types.ARRAY}
    };
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      for (Object[] k : cases) {
        answerOrSqlException(
            failures,
            "setObject(" + show(k[0]) + ", " + k[1] + ")",
            () -> {
              ps.setObject(1, k[0], (Integer) k[1]);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getObject(1);
              }
            });
      }
      for (SQLType type : List.of(JDBCType.INTEGER, JDBCType.STRUCT, JDBCType.OTHER)) {
        answerOrSqlException(
            failures,
            "setObject(1, SQLType " + type + ")",
            () -> {
              ps.setObject(1, "1", type);
              ps.executeQuery().close();
            });
      }
      assertUsable(ps);
    }
    assertThat(failures).isEmpty();
  }

  /**
   * Values beyond what Spark's DATE (days in an int), TIMESTAMP (microseconds in a long) and
   * DECIMAL (38 digits) hold: an SQLException (22008 / 22003), never an ArithmeticException or a
   * silently wrapped value. Huge scales must not make the driver compute 10^2147483647.
   */
  @Test
  void valuesBeyondSparkRangesAreSqlExceptions(SparkConnectServer server) throws SQLException {
    // each case binds the value; the loop below executes the statement
    Map<String, BadInput.Attempt> cases = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      cases.put(
          "setTimestamp(Long.MAX_VALUE ms)",
          () -> ps.setTimestamp(1, new Timestamp(Long.MAX_VALUE)));
      cases.put(
          "setTimestamp(Long.MIN_VALUE ms)",
          () -> ps.setTimestamp(1, new Timestamp(Long.MIN_VALUE)));
      cases.put(
          "setTimestamp(Long.MAX_VALUE ms, calendar)",
          () -> ps.setTimestamp(1, new Timestamp(Long.MAX_VALUE), Calendar.getInstance()));
      cases.put(
          "setDate(Long.MAX_VALUE ms)", () -> ps.setDate(1, new java.sql.Date(Long.MAX_VALUE)));
      cases.put(
          "setDate(Long.MIN_VALUE ms)", () -> ps.setDate(1, new java.sql.Date(Long.MIN_VALUE)));
      cases.put("setObject(Instant.MAX)", () -> ps.setObject(1, Instant.MAX));
      cases.put("setObject(Instant.MIN)", () -> ps.setObject(1, Instant.MIN));
      cases.put("setObject(LocalDateTime.MAX)", () -> ps.setObject(1, LocalDateTime.MAX));
      cases.put("setObject(LocalDateTime.MIN)", () -> ps.setObject(1, LocalDateTime.MIN));
      cases.put("setObject(LocalDate.MAX)", () -> ps.setObject(1, LocalDate.MAX));
      cases.put("setObject(LocalDate.MIN)", () -> ps.setObject(1, LocalDate.MIN));
      cases.put("setObject(OffsetDateTime.MAX)", () -> ps.setObject(1, OffsetDateTime.MAX));
      cases.put(
          "setObject(ZonedDateTime year 999999999)",
          () -> ps.setObject(1, ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC)));
      cases.put(
          "setObject(java.util.Date(Long.MAX_VALUE))",
          () -> ps.setObject(1, new java.util.Date(Long.MAX_VALUE)));
      cases.put(
          "setObject(Timestamp(Long.MIN_VALUE), TIMESTAMP)",
          () -> ps.setObject(1, new Timestamp(Long.MIN_VALUE), Types.TIMESTAMP));
      cases.put(
          "setBigDecimal(1E+1000000000)",
          () -> ps.setBigDecimal(1, new BigDecimal("1E+1000000000")));
      cases.put(
          "setBigDecimal(1E-1000000000)",
          () -> ps.setBigDecimal(1, new BigDecimal("1E-1000000000")));
      cases.put(
          "setBigDecimal(unscaled 1, scale Integer.MIN_VALUE)",
          () -> ps.setBigDecimal(1, new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE)));
      cases.put("setObject(BigInteger 2^200)", () -> ps.setObject(1, BigInteger.TWO.pow(200)));
      cases.put(
          "setObject(BigDecimal.ONE, DECIMAL, scale Integer.MAX_VALUE)",
          () -> ps.setObject(1, BigDecimal.ONE, Types.DECIMAL, Integer.MAX_VALUE));
      cases.put(
          "setObject(BigDecimal.ONE, NUMERIC, scale -2147483648)",
          () -> ps.setObject(1, BigDecimal.ONE, Types.NUMERIC, Integer.MIN_VALUE));
      cases.put(
          "setObject(BigDecimal.ONE, DECIMAL, scale 39)",
          () -> ps.setObject(1, BigDecimal.ONE, Types.DECIMAL, 39));
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            for (Map.Entry<String, BadInput.Attempt> e : cases.entrySet()) {
              answerOrSqlException(
                  failures,
                  e.getKey(),
                  () -> {
                    e.getValue().run();
                    try (ResultSet rs = ps.executeQuery()) {
                      failures.add(
                          e.getKey()
                              + ": no SQLException, the server got "
                              + (rs.next() ? rs.getString(1) : "no row"));
                    }
                  });
            }
          });
      assertUsable(ps);
      // the edges of the ranges still work
      ps.setObject(1, LocalDate.of(9999, 12, 31));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(9999, 12, 31));
      }
      ps.setBigDecimal(1, new BigDecimal("12345678901234567890123456789012345678"));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBigDecimal(1))
            .isEqualTo(new BigDecimal("12345678901234567890123456789012345678"));
      }
    }
    assertThat(failures).isEmpty();
  }

  /** java.sql.Array implementations of other libraries, broken ones included. */
  @Test
  void foreignAndBrokenArraysAreSqlExceptions(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      Map<String, Array> arrays = new LinkedHashMap<>();
      arrays.put("getArray() gives int[]", array("int", new int[] {1, 2}));
      arrays.put("getArray() gives null", array("int", null));
      arrays.put("getBaseTypeName() null", array(null, new Object[] {1}));
      arrays.put("getBaseTypeName() empty", array("", new Object[] {1}));
      arrays.put("getBaseTypeName() junk", array("no such type <<<", new Object[] {1}));
      arrays.put("elements of another type", array("int", new Object[] {"a", new Thread()}));
      for (Map.Entry<String, Array> e : arrays.entrySet()) {
        String what = "setArray(" + e.getKey() + ")";
        answerOrSqlException(
            failures,
            what,
            () -> {
              ps.setArray(1, e.getValue());
              ps.executeQuery().close();
              failures.add(what + ": no SQLException");
            });
      }
      for (String type :
          List.of(
              "decimal(99999999999,1)",
              "varchar(99999999999)",
              "decimal(100,50)",
              "interval year to nonsense",
              "",
              " ",
              "array<",
              "map<int>",
              "\uD800")) {
        answerOrSqlException(
            failures,
            "createArrayOf(" + escape(type) + ")",
            () -> {
              ps.setArray(1, c.createArrayOf(type, new Object[] {1}));
              ps.executeQuery().close();
            });
      }
      try {
        c.createArrayOf("\uD800", new Object[] {1});
        failures.add("createArrayOf with an unpaired surrogate in the type name: no SQLException");
      } catch (SQLException e) {
        if (!"22021".equals(e.getSQLState())) {
          failures.add("createArrayOf(\\uD800): SQLSTATE " + e.getSQLState() + ", not 22021");
        }
      }
      assertUsable(ps);
    }
    assertThat(failures).isEmpty();
  }

  /** Every setter with index 0, -1 and n+1: SQLException (07009), the statement unharmed. */
  @Test
  void everySetterRefusesBadIndexes(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    int setters = 0;
    try (Connection c = DriverManager.getConnection(server.url());
        PreparedStatement ps = c.prepareStatement("SELECT ? AS a, ? AS b")) {
      List<Method> methods =
          Arrays.stream(PreparedStatement.class.getMethods())
              .filter(
                  m ->
                      m.getName().startsWith("set")
                          && m.getParameterCount() >= 2
                          && m.getParameterTypes()[0] == int.class)
              .sorted(Comparator.comparing(Method::toString))
              .toList();
      for (Method m : methods) {
        setters++;
        for (int index : new int[] {0, -1, 3, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
          Object[] args = new Object[m.getParameterCount()];
          args[0] = index;
          for (int i = 1; i < args.length; i++) {
            // an int after the index is an SQL type code, a length or a scale: Types.INTEGER
            // (4) is valid as each, so only the index is wrong
            args[i] = ArgumentValues.valid(m.getParameterTypes()[i], Types.INTEGER, true);
          }
          String what = signature(m) + " at index " + index;
          answerOrSqlException(
              failures,
              what,
              () -> {
                m.invoke(ps, args);
                failures.add(what + ": accepted");
              });
        }
      }
      ps.setInt(1, 1);
      ps.setString(2, "b");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(2)).isEqualTo("b");
      }
      ps.clearParameters();
      try {
        ps.executeQuery();
        failures.add("executeQuery with cleared parameters: accepted");
      } catch (SQLException e) {
        assertThat(e.getSQLState()).isEqualTo("07001");
      }
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
      for (int index : new int[] {0, -1, 3}) {
        try {
          ps.getParameterMetaData().getParameterType(index);
          failures.add("ParameterMetaData.getParameterType(" + index + "): accepted");
        } catch (SQLException expected) {
          assertThat(expected.getSQLState()).isEqualTo("07009");
        }
      }
    }
    System.out.println("HostileSetterArgumentsTest: " + setters + " setters × 5 bad indexes");
    assertThat(setters).isGreaterThan(40);
    assertThat(failures).isEmpty();
  }

  // =======================================================================================
  // Helpers

  private static void assertUsable(PreparedStatement ps) throws SQLException {
    ps.setString(1, "still fine");
    try (ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still fine");
    }
  }

  /** An Array of another library: its base type name and elements as given. */
  private static Array array(String baseTypeName, Object elements) {
    return (Array)
        Proxy.newProxyInstance(
            HostileSetterArgumentsTest.class.getClassLoader(),
            new Class<?>[] {Array.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getBaseTypeName" -> baseTypeName;
                  case "getBaseType" -> Types.INTEGER;
                  case "getArray" -> elements;
                  case "toString" -> "foreign array";
                  case "hashCode" -> 1;
                  case "equals" -> proxy == args[0];
                  case "free" -> null;
                  default -> throw new java.sql.SQLFeatureNotSupportedException(method.getName());
                });
  }

  private static String show(Object v) {
    if (v instanceof byte[] b) {
      return "byte[" + b.length + "]";
    }
    if (v instanceof int[] i) {
      return "int[" + i.length + "]";
    }
    return v.getClass().getSimpleName() + " " + v;
  }
}
