package dev.sparkjdbc.tck.faults;

import static dev.sparkjdbc.tck.faults.BadInput.messageProblem;
import static dev.sparkjdbc.tck.faults.BadInput.signature;
import static dev.sparkjdbc.tck.faults.BadInput.withinAttemptLimit;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile arguments to every method of open JDBC objects, called by reflection: each call answers
 * or throws an {@link SQLException} with a message and a SQLSTATE, within a time limit. (The same
 * sweep on closed objects is {@link UseAfterCloseTest}.) The other bad-input tests are listed in
 * {@link BadInput}.
 */
@ExtendWith(SparkConnectServerExtension.class)
class HostileMethodArgumentsTest {
  /**
   * Methods the sweep leaves out: they end the object (checked elsewhere) or the JDK allows NPE.
   */
  private static final Map<String, String> SWEEP_SKIPS =
      Map.of(
          "close()", "ends the object; use after close is UseAfterCloseTest",
          "abort(Executor)", "ends the connection",
          "closeOnCompletion()", "ends the statement with its next result set",
          "enquoteLiteral(String)",
              "JDK default: its javadoc specifies NullPointerException for null",
          "enquoteIdentifier(String,boolean)",
              "JDK default: its javadoc specifies NullPointerException",
          "enquoteNCharLiteral(String)", "JDK default: its javadoc specifies NullPointerException",
          "isSimpleIdentifier(String)", "JDK default: its javadoc specifies NullPointerException");

  private static ExecutorService attempts;

  @BeforeAll
  static void setUp() {
    attempts = Executors.newFixedThreadPool(4, ConcurrencyTest.named("bad-input"));
  }

  @AfterAll
  static void tearDown() {
    ConcurrencyTest.shutdown(attempts);
  }

  /**
   * Every method of open Connection, Statement, PreparedStatement, ResultSet and DatabaseMetaData
   * objects, called reflectively with hostile arguments: nulls, empty strings and arrays, -1, 0 and
   * Integer.MAX_VALUE (and index 1 with null values for result sets and prepared statements). Each
   * call answers or throws an SQLException with a message and an SQLSTATE; never a
   * NullPointerException, IllegalArgumentException, ClassCastException or another runtime
   * exception.
   */
  @Test
  void hostileArgumentsToEveryMethodOfOpenObjects(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    int calls = 0;
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection(server.url())) {
      calls += sweep(Connection.class, c, new Object[] {-1, 0, Integer.MAX_VALUE}, failures);
      try (Statement s = c.createStatement()) {
        calls += sweep(Statement.class, s, new Object[] {-1, 0, Integer.MAX_VALUE}, failures);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? AS a, ? AS b")) {
        calls +=
            sweep(
                PreparedStatement.class, ps, new Object[] {-1, 0, 1, Integer.MAX_VALUE}, failures);
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, CAST(id AS STRING) AS s, "
                      + "DATE'2024-01-02' AS d, array(1, 2) AS a FROM range(1000)")) {
        rs.next();
        calls += sweep(ResultSet.class, rs, new Object[] {-1, 0, 1, Integer.MAX_VALUE}, failures);
      }
      calls += sweep(DatabaseMetaData.class, c.getMetaData(), new Object[] {-1, 0}, failures);
    }
    System.out.printf(
        Locale.ROOT,
        "HostileMethodArgumentsTest: %d calls with hostile arguments" + " in %.1f s%n",
        calls,
        (System.nanoTime() - started) / 1e9);
    assertThat(failures)
        .as(
            "calls with hostile arguments that threw something else than an"
                + " SQLException (%d of %d)",
            failures.size(), calls)
        .isEmpty();
  }

  /**
   * JDK defaults that only say "not implemented" although the driver implements the same call
   * without "Large" ({@code executeUpdate(String, int)} works): the driver must override them.
   */
  private static final Set<String> MUST_OVERRIDE =
      Set.of(
          "executeLargeUpdate(String,int)",
          "executeLargeUpdate(String,int[])",
          "executeLargeUpdate(String,String[])");

  private static boolean inheritedDefault(Object target, Method m) {
    try {
      return target
          .getClass()
          .getMethod(m.getName(), m.getParameterTypes())
          .getDeclaringClass()
          .isInterface();
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Calls every method of {@code iface} once per int in {@code ints}; returns the call count. */
  private static int sweep(Class<?> iface, Object target, Object[] ints, List<String> failures) {
    int calls = 0;
    List<Method> methods =
        Arrays.stream(iface.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .sorted(Comparator.comparing(Method::toString))
            .toList();
    for (Method m : methods) {
      String sig = signature(m);
      if (SWEEP_SKIPS.containsKey(sig)) {
        continue;
      }
      for (int profile = 0; profile < ints.length; profile++) {
        int n = (Integer) ints[profile];
        boolean empty = profile % 2 == 1; // alternate null and empty references
        Object[] args =
            Arrays.stream(m.getParameterTypes())
                .map(t -> ArgumentValues.hostile(t, n, empty))
                .toArray();
        calls++;
        String what =
            iface.getSimpleName()
                + "."
                + sig
                + " with "
                + Arrays.stream(args)
                    .map(
                        a ->
                            a == null
                                ? "null"
                                : a instanceof Object[] o
                                    ? "[" + o.length + "]"
                                    : String.valueOf(a))
                    .collect(Collectors.joining(", "));
        String problem =
            withinAttemptLimit(
                attempts,
                what,
                () -> {
                  try {
                    Object result = m.invoke(target, args);
                    if (result instanceof ResultSet rs && rs != target) {
                      rs.close();
                    }
                    return null;
                  } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException sql) {
                      String lacking = messageProblem(what, sql);
                      // A JDK default the driver does not override ("… not implemented", no
                      // SQLSTATE) is
                      // acceptable, unless the driver implements its twin: then it is a gap.
                      return lacking != null
                              && inheritedDefault(target, m)
                              && !MUST_OVERRIDE.contains(sig)
                              && sql.getMessage() != null
                          ? null
                          : lacking;
                    }
                    return what + ": threw " + ConcurrencyTest.stack(cause);
                  }
                });
        if (problem != null) {
          failures.add(problem);
        }
        if (m.getParameterCount() == 0) {
          break; // one call is enough
        }
      }
    }
    return calls;
  }
}
