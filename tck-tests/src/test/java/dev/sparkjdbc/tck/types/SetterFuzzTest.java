package dev.sparkjdbc.tck.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.rowset.serial.SerialClob;
import javax.sql.rowset.serial.SerialException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded random calls of every {@code PreparedStatement} setter, and of {@code setObject(x,
 * target[, scale])} with arbitrary objects and arbitrary target codes (every JDBC type, and random
 * ints): only an {@link SQLException} may come out of a setter or of executing the statement (never
 * a RuntimeException or an Error), and after each failure the statement still runs a normal query.
 *
 * <p>The seed is printed; {@code -Dsparkjdbc.tck.seed=…} replays a run. A failure names the
 * iteration and the call.
 */
@ExtendWith(SparkConnectServerExtension.class)
class SetterFuzzTest {
  private static final long SEED = Long.getLong("sparkjdbc.tck.seed", 0x5E77E2F0L);

  /** Random calls stop after this long (the whole test stays near ten seconds). */
  private static final Duration BUDGET = Duration.ofSeconds(7);

  /** A single call that takes longer is reported as a hang. */
  private static final long ATTEMPT_SECONDS = 30;

  private static final int MAX_REPORTED = 40;

  private static final BigInteger TEN_THOUSAND_DIGITS =
      new BigInteger("9".repeat(5_000) + "1".repeat(5_000));

  /**
   * Odd values: SetObjectConversionsTest tries each against every target; here they are among the
   * random arguments.
   */
  static List<Object> oddValues() {
    return Arrays.asList(
        new Object(),
        new Thread(),
        Optional.of(1),
        new int[] {1, 2},
        new String[] {"a", "b"},
        new BigDecimal("1E+1000000000"),
        new BigDecimal("1E-1000000000"),
        new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE + 1),
        new BigDecimal(BigInteger.TEN, Integer.MAX_VALUE),
        TEN_THOUSAND_DIGITS,
        TEN_THOUSAND_DIGITS.negate(),
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        -0.0d,
        Float.NaN,
        Float.NEGATIVE_INFINITY,
        LocalDate.of(0, 1, 1),
        LocalDate.of(1_000_000, 1, 1),
        LocalDateTime.of(0, 1, 1, 0, 0),
        LocalDateTime.of(1_000_000, 12, 31, 23, 59, 59, 999_999_999),
        java.sql.Date.valueOf(LocalDate.of(1_000_000, 1, 1)),
        java.sql.Date.valueOf(LocalDate.of(0, 1, 1)),
        Timestamp.valueOf(LocalDateTime.of(0, 1, 1, 0, 0)),
        Timestamp.valueOf(LocalDateTime.of(1_000_000, 1, 1, 0, 0)),
        OffsetDateTime.of(LocalDateTime.of(1_000_000, 1, 1, 0, 0), ZoneOffset.ofHours(-18)),
        Instant.parse("+1000000-01-01T00:00:00Z"),
        new java.util.Date(Long.MIN_VALUE),
        "",
        "\uD800",
        null);
  }

  @Test
  void settersThrowOnlySqlExceptions(SparkConnectServer server) throws Exception {
    System.out.println("SetterFuzzTest seed: " + SEED + " (-Dsparkjdbc.tck.seed=" + SEED + ")");
    Random random = new Random(SEED);
    List<Method> setters =
        Arrays.stream(PreparedStatement.class.getMethods())
            .filter(
                m ->
                    m.getName().startsWith("set")
                        && m.getParameterCount() >= 2
                        && m.getParameterTypes()[0] == int.class)
            .sorted(Comparator.comparing(Method::toString))
            .toList();
    List<Method> setObjects =
        setters.stream().filter(m -> m.getName().equals("setObject")).toList();
    assertThat(setters.size()).isGreaterThan(40);
    assertThat(setObjects).hasSize(5);

    Fuzz fuzz = new Fuzz(server);
    try {
      long end = System.nanoTime() + BUDGET.toNanos();
      // every setter once, then random ones until the time is up
      for (Method m : setters) {
        Object[] args = arguments(m, random);
        fuzz.attempt("#" + fuzz.attempts + " " + call(m, args), p -> invoke(m, p, args));
      }
      while (System.nanoTime() < end && fuzz.failures.size() < MAX_REPORTED) {
        Method m =
            random.nextInt(100) < 50
                ? setObjects.get(random.nextInt(setObjects.size()))
                : setters.get(random.nextInt(setters.size()));
        Object[] args = arguments(m, random);
        fuzz.attempt("#" + fuzz.attempts + " " + call(m, args), p -> invoke(m, p, args));
      }
      System.out.println(
          "SetterFuzzTest: "
              + fuzz.attempts
              + " calls (each of the "
              + setters.size()
              + " setters once, then random ones), "
              + fuzz.refused
              + " refused with an SQLException");
    } finally {
      fuzz.close();
    }
    assertThat(fuzz.failures).as("calls that broke the rule (seed %s)", SEED).isEmpty();
  }

  // =====================================================================================
  // Running one call

  @FunctionalInterface
  interface Call {
    void apply(PreparedStatement p) throws Exception;
  }

  /** The connection and statement under fuzz, and what went wrong. */
  private static final class Fuzz {
    final SparkConnectServer server;
    final List<String> failures = new ArrayList<>();
    ExecutorService worker;
    Connection connection;
    PreparedStatement statement;
    int attempts;
    int refused;

    Fuzz(SparkConnectServer server) throws SQLException {
      this.server = server;
      open();
    }

    private void open() throws SQLException {
      worker =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "setter-fuzz");
                t.setDaemon(true);
                return t;
              });
      connection = DriverManager.getConnection(server.url());
      statement = connection.prepareStatement("SELECT ? AS v");
    }

    void close() throws SQLException {
      worker.shutdownNow();
      connection.close();
    }

    /** Binds, runs and reads; then, after any failure, checks the statement still works. */
    void attempt(String what, Call call) throws SQLException {
      attempts++;
      PreparedStatement p = statement;
      Future<Throwable> result =
          worker.submit(
              () -> {
                try {
                  call.apply(p);
                  try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                      rs.getObject(1);
                      rs.getString(1);
                    }
                  }
                  return null;
                } catch (InvocationTargetException e) {
                  return e.getCause();
                } catch (Throwable t) {
                  return t;
                }
              });
      Throwable thrown;
      long start = System.nanoTime();
      try {
        thrown = result.get(ATTEMPT_SECONDS, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > 2_000) {
          System.out.println("SetterFuzzTest: slow (" + millis + " ms): " + what);
        }
      } catch (TimeoutException e) {
        failures.add(what + ": no answer within " + ATTEMPT_SECONDS + " s");
        // abandon the stuck call with its connection, go on with new ones
        worker.shutdownNow();
        try {
          connection.close();
        } catch (SQLException | RuntimeException ignored) {
          // the stuck call may hold it
        }
        open();
        return;
      } catch (InterruptedException | ExecutionException e) {
        throw new AssertionError(e);
      }
      if (thrown == null) {
        return;
      }
      if (!(thrown instanceof SQLException sql)) {
        failures.add(what + ": threw " + describe(thrown));
      } else {
        refused++;
        if (sql.getSQLState() == null || sql.getMessage() == null) {
          failures.add(what + ": an SQLException without SQLSTATE or message: " + sql);
        }
      }
      stillUsable(what);
    }

    private void stillUsable(String after) throws SQLException {
      try {
        statement.setInt(1, 7);
        try (ResultSet rs = statement.executeQuery()) {
          if (!rs.next() || rs.getInt(1) != 7) {
            failures.add("after " + after + ": a normal query gave a wrong answer");
          }
        }
      } catch (SQLException | RuntimeException e) {
        failures.add("after " + after + ": the statement no longer works: " + describe(e));
        connection.close();
        open();
      }
    }
  }

  private static void invoke(Method m, PreparedStatement p, Object[] args) throws Exception {
    m.invoke(p, args);
  }

  /** The exception, and the first frame of the driver it passed (else its own first frame). */
  static String describe(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    StackTraceElement where = stack.length == 0 ? null : stack[0];
    for (StackTraceElement e : stack) {
      if (e.getClassName().startsWith("dev.sparkjdbc.jdbc")) {
        where = e;
        break;
      }
    }
    return t.getClass().getName()
        + ": "
        + shorten(String.valueOf(t.getMessage()))
        + (where == null ? "" : " at " + where);
  }

  // =====================================================================================
  // Arguments

  private static Object[] arguments(Method m, Random r) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    args[0] = r.nextInt(100) < 95 ? 1 : pick(r, 0, 2, -1, Integer.MAX_VALUE);
    for (int i = 1; i < types.length; i++) {
      boolean typeCode =
          types[i] == int.class
              && (m.getName().equals("setNull") && i == 1
                  || m.getName().equals("setObject") && i == 2);
      args[i] = typeCode ? targetCode(r) : value(types[i], r);
    }
    return args;
  }

  private static int targetCode(Random r) {
    int dice = r.nextInt(100);
    if (dice < 75) {
      JDBCType[] all = JDBCType.values();
      return all[r.nextInt(all.length)].getVendorTypeNumber();
    } else if (dice < 85) {
      return r.nextInt(8000) - 4000;
    } else if (dice < 95) {
      return r.nextInt();
    }
    return pick(r, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
  }

  @SuppressWarnings("unchecked")
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }

  /** An argument of the given parameter type: ordinary, edge or hostile, sometimes null. */
  private static Object value(Class<?> type, Random r) {
    if (type == int.class) {
      return pick(
          r,
          0,
          1,
          2,
          3,
          5,
          18,
          38,
          39,
          -1,
          -5,
          Integer.MAX_VALUE,
          Integer.MIN_VALUE,
          r.nextInt(100));
    } else if (type == long.class) {
      return pick(r, 0L, 1L, 3L, 1000L, -1L, Long.MAX_VALUE, Long.MIN_VALUE);
    } else if (type == boolean.class) {
      return r.nextBoolean();
    } else if (type == byte.class) {
      return pick(r, (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) r.nextInt());
    } else if (type == short.class) {
      return pick(r, (short) 0, Short.MIN_VALUE, Short.MAX_VALUE, (short) r.nextInt());
    } else if (type == float.class) {
      return pick(
          r,
          0f,
          -0f,
          Float.NaN,
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MAX_VALUE,
          Float.MIN_VALUE,
          r.nextFloat());
    } else if (type == double.class) {
      return pick(
          r,
          0d,
          -0d,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          Double.MAX_VALUE,
          Double.MIN_VALUE,
          r.nextGaussian() * 1e10);
    }
    if (r.nextInt(100) < 8) {
      return null;
    }
    if (type == Object.class) {
      return anyObject(r);
    } else if (type == String.class) {
      return string(r);
    } else if (type == BigDecimal.class) {
      return pick(
          r,
          BigDecimal.ZERO,
          new BigDecimal("-12.345"),
          new BigDecimal("1E+1000000000"),
          new BigDecimal("1E-1000000000"),
          new BigDecimal("1.4E-45"),
          new BigDecimal("1.0E125"),
          new BigDecimal("99999999999999999999999999999999999999"),
          new BigDecimal(TEN_THOUSAND_DIGITS),
          new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
    } else if (type == byte[].class) {
      byte[] b = new byte[pick(r, 0, 1, 3, 100, 70_000)];
      r.nextBytes(b);
      return b;
    } else if (type == java.sql.Date.class) {
      return pick(
          r,
          java.sql.Date.valueOf("2024-02-29"),
          new java.sql.Date(Long.MAX_VALUE),
          new java.sql.Date(Long.MIN_VALUE),
          java.sql.Date.valueOf(LocalDate.of(0, 1, 1)),
          java.sql.Date.valueOf(LocalDate.of(1_000_000, 1, 1)));
    } else if (type == Time.class) {
      return pick(
          r,
          Time.valueOf("13:45:30"),
          new Time(Long.MAX_VALUE),
          new Time(-1),
          new Time(123_456_789L));
    } else if (type == Timestamp.class) {
      return pick(
          r,
          Timestamp.valueOf("2024-02-29 13:45:30.123456789"),
          new Timestamp(Long.MAX_VALUE),
          new Timestamp(Long.MIN_VALUE),
          Timestamp.valueOf(LocalDateTime.of(0, 1, 1, 0, 0)),
          Timestamp.valueOf(LocalDateTime.of(1_000_000, 1, 1, 0, 0)));
    } else if (type == Calendar.class) {
      String zone =
          pick(
              r,
              "UTC",
              "Asia/Tokyo",
              "America/Los_Angeles",
              "Pacific/Kiritimati",
              "GMT-12:00",
              "no/such zone");
      return Calendar.getInstance(TimeZone.getTimeZone(zone), Locale.ROOT);
    } else if (type == InputStream.class) {
      return pick(r, "bytes", "empty", "broken").equals("broken")
          ? new BrokenInputStream()
          : new ByteArrayInputStream(new byte[r.nextInt(5)]);
    } else if (type == Reader.class) {
      return r.nextBoolean() ? new BrokenReader() : new StringReader(string(r));
    } else if (type == Array.class) {
      return pick(
          r,
          new SetObjectConversionsTest.IntArray(1, 2, 3),
          new SetObjectConversionsTest.IntArray("x", new Object()),
          new SetObjectConversionsTest.IntArray());
    } else if (type == Blob.class) {
      return SetObjectConversionsTest.blob(new byte[] {1, 2, 3});
    } else if (type == NClob.class) {
      return nclob(string(r));
    } else if (type == Clob.class) {
      return SetObjectConversionsTest.clob(string(r));
    } else if (type == Ref.class) {
      return new SetObjectConversionsTest.SomeRef();
    } else if (type == RowId.class) {
      return new SetObjectConversionsTest.SomeRowId();
    } else if (type == SQLXML.class) {
      return new SetObjectConversionsTest.SomeXml(string(r));
    } else if (type == URL.class) {
      return SetObjectConversionsTest.url("https://example.com/" + r.nextInt(100));
    } else if (type == SQLType.class) {
      if (r.nextInt(10) == 0) {
        return new VendorType(r.nextInt());
      }
      JDBCType[] all = JDBCType.values();
      return all[r.nextInt(all.length)];
    }
    throw new AssertionError("no values for parameter type " + type);
  }

  private static String string(Random r) {
    return pick(
        r,
        "",
        " ",
        "abc",
        "42",
        " -7 ",
        "12.5",
        "1e400",
        "NaN",
        "true",
        "yes",
        "2024-02-29",
        "13:45:30",
        "2024-02-29 13:45:30.123456",
        "2024-13-45",
        "héllo 😀",
        "\uD800",
        "\u0000",
        "'; DROP TABLE x; --",
        "x".repeat(100_000),
        TEN_THOUSAND_DIGITS.toString());
  }

  private static final List<Supplier<Object>> OBJECTS =
      List.of(
          () -> "text",
          () -> "42",
          () -> "2024-02-29",
          () -> true,
          () -> (byte) -1,
          () -> (short) 300,
          () -> Integer.MIN_VALUE,
          () -> Long.MAX_VALUE,
          () -> 1.5f,
          () -> Float.NaN,
          () -> Double.NaN,
          () -> Double.POSITIVE_INFINITY,
          () -> Double.NEGATIVE_INFINITY,
          () -> -0.0d,
          () -> 1e300,
          () -> new BigDecimal("1E+1000000000"),
          () -> new BigDecimal("1E-1000000000"),
          () -> new BigDecimal("1.4E-45"),
          () -> new BigDecimal("-12.345"),
          () -> TEN_THOUSAND_DIGITS,
          () -> BigInteger.valueOf(42),
          () -> new byte[] {1, 2, 3},
          () -> java.sql.Date.valueOf("2024-02-29"),
          () -> java.sql.Date.valueOf(LocalDate.of(1_000_000, 1, 1)),
          () -> Time.valueOf("13:45:30"),
          () -> Timestamp.valueOf("2024-02-29 13:45:30.123456"),
          () -> Timestamp.valueOf(LocalDateTime.of(0, 1, 1, 0, 0)),
          () -> Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT),
          () -> new java.util.Date(0),
          () -> new java.util.Date(Long.MAX_VALUE),
          () -> LocalDate.of(0, 1, 1),
          () -> LocalDate.of(1_000_000, 1, 1),
          () -> LocalDate.MAX,
          () -> LocalTime.of(13, 45, 30, 123_456_789),
          () -> LocalDateTime.of(1_000_000, 1, 1, 0, 0),
          () -> LocalDateTime.MIN,
          () -> OffsetTime.of(13, 45, 30, 0, ZoneOffset.ofHours(9)),
          () -> OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 0, ZoneOffset.ofHours(9)),
          () -> ZonedDateTime.of(LocalDateTime.of(2024, 2, 29, 13, 45), ZoneId.of("Europe/Paris")),
          () -> Instant.MAX,
          () -> new SetObjectConversionsTest.IntArray(1, 2, 3),
          () -> new SetObjectConversionsTest.IntArray(new Object(), "a"),
          () -> SetObjectConversionsTest.blob(new byte[] {1, 2, 3}),
          () -> SetObjectConversionsTest.clob("clob"),
          () -> nclob("nclob"),
          () -> new SetObjectConversionsTest.OneStruct(),
          () -> new SetObjectConversionsTest.SomeRef(),
          () -> SetObjectConversionsTest.url("https://example.com/x"),
          () -> new SetObjectConversionsTest.SomeRowId(),
          () -> new SetObjectConversionsTest.SomeXml("<a/>"),
          () -> UUID.randomUUID(),
          () -> 'c',
          () -> new Object(),
          () -> new Thread(),
          () -> Optional.of(1),
          () -> Optional.empty(),
          () -> new int[] {1, 2},
          () -> new String[] {"a"},
          () -> new Object[] {1, "a"},
          () -> new StringBuilder("sb"),
          () -> List.of(1, 2),
          () -> Duration.ofDays(1),
          () -> Locale.ROOT,
          () -> new ByteArrayInputStream(new byte[] {1}),
          () -> new StringReader("reader"),
          () -> new BrokenInputStream(),
          () -> (Runnable) () -> {},
          () -> null);

  private static Object anyObject(Random r) {
    if (r.nextInt(3) == 0) {
      List<Object> odd = oddValues();
      return odd.get(r.nextInt(odd.size()));
    }
    return OBJECTS.get(r.nextInt(OBJECTS.size())).get();
  }

  static NClob nclob(String text) {
    try {
      return new TextNClob(text);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** An NCLOB held in memory. */
  static final class TextNClob extends SerialClob implements NClob {
    TextNClob(String text) throws SerialException, SQLException {
      super(text.toCharArray());
    }
  }

  /** A vendor SQLType no driver knows. */
  record VendorType(int number) implements SQLType {
    @Override
    public String getName() {
      return "NO_SUCH_TYPE";
    }

    @Override
    public String getVendor() {
      return "nobody";
    }

    @Override
    public Integer getVendorTypeNumber() {
      return number;
    }
  }

  /** A stream whose reads fail. */
  static final class BrokenInputStream extends InputStream {
    @Override
    public int read() throws IOException {
      throw new IOException("broken stream");
    }
  }

  /** A reader whose reads fail. */
  static final class BrokenReader extends Reader {
    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      throw new IOException("broken reader");
    }

    @Override
    public void close() {}
  }

  // =====================================================================================
  // Printing a call

  private static String call(Method m, Object[] args) {
    StringBuilder s = new StringBuilder(m.getName()).append('(');
    for (int i = 0; i < args.length; i++) {
      s.append(i == 0 ? "" : ", ").append(show(args[i]));
    }
    return s.append(')').toString();
  }

  static String show(Object v) {
    if (v == null) {
      return "null";
    }
    String text;
    if (v instanceof byte[] b) {
      text = "byte[" + b.length + "]";
    } else if (v instanceof Object[] a) {
      text = v.getClass().getSimpleName() + Arrays.toString(a);
    } else if (v instanceof int[] a) {
      text = "int[]" + Arrays.toString(a);
    } else if (v instanceof BigDecimal d) {
      text =
          "BigDecimal(unscaled "
              + shorten(d.unscaledValue().toString())
              + ", scale "
              + d.scale()
              + ")";
    } else if (v instanceof String s) {
      text = "\"" + shorten(s) + "\" (" + s.length() + " chars)";
    } else {
      text = v.getClass().getSimpleName() + " " + shorten(String.valueOf(v));
    }
    return text;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
