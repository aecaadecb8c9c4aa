package dev.sparkjdbc.tck.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sparkjdbc.tck.SparkConnectServer;
import dev.sparkjdbc.tck.SparkConnectServerExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input never escapes as anything but an {@link SQLException} with a message a person
 * can act on: no NullPointerException, ClassCastException, IllegalArgumentException,
 * ArithmeticException, StackOverflowError, no hang, no silently changed value. Covered: fuzzed
 * URLs (to {@code DriverManager.getConnection}, {@code Driver.connect} and {@code acceptsURL}),
 * fuzzed values of every property {@code getPropertyInfo} lists, 10 MB statements and
 * parameters, unpaired UTF-16 surrogates in SQL, parameters and identifiers, wrong Java types
 * and bad indexes for {@code PreparedStatement} setters, values beyond Spark's ranges.
 *
 * <p>Random input comes from a fixed seed (printed; override with
 * {@code -Dsparkjdbc.tck.seed=…}), so a failure replays. Each fuzz test collects every
 * misbehaving input and reports them together.
 */
@ExtendWith(SparkConnectServerExtension.class)
class BadInputTest {
  private static final long SEED = Long.getLong("sparkjdbc.tck.seed", 0xBAD_1257L);
  private static final int MB10 = 10 * 1024 * 1024;
  /** Per connect attempt: a hang is reported, not waited out. */
  private static final long ATTEMPT_SECONDS = 30;
  private static final String JUNK = ";=/:[]%@#?&\\ \t\n\r\u0000\u007f'\"`<>{}|^~,+*$!é日"
      + "\uD83D\uDE00\uD800\uDFFF\uFFFF";
  private static final String[] LONE_SURROGATES = {"\uD800", "\uDBFF", "\uDC00", "\uDFFF",
      "\uDC00\uD800", "x\uD83D"};

  private static Driver driver;
  private static ExecutorService attempts;
  private static String schema;

  @BeforeAll
  static void setUp(SparkConnectServer server) throws SQLException {
    System.out.println("BadInputTest seed: " + SEED + " (-Dsparkjdbc.tck.seed=" + SEED + ")");
    driver = DriverManager.getDriver(server.url());
    attempts = Executors.newFixedThreadPool(4, ConcurrencyTest.named("bad-input"));
    schema = "bad_input_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = DriverManager.getConnection(server.url());
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      // Spark's session catalog allows only letters, digits and _ in table names; columns may
      // have any name
      s.execute("CREATE TABLE " + schema + ".tbl_emoji (`c_\uD83D\uDE00` INT, `ü\uD83D\uDE00x` "
          + "STRING) USING parquet");
    }
  }

  @AfterAll
  static void tearDown(SparkConnectServer server) {
    ConcurrencyTest.shutdown(attempts);
    try (Connection c = DriverManager.getConnection(server.url());
         Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop " + schema + ": " + e);
    }
  }

  // =======================================================================================
  // URLs

  /** acceptsURL never throws for a non-null string and accepts only its own scheme. */
  @Test
  void acceptsUrlAnswersEveryStringWithoutThrowing() throws SQLException {
    List<String> others = List.of("", " ", "jdbc:", "jdbc:sc:", "jdbc:sc:/host:1", "jdbc:sc:host",
        "sc://host:1", "jdbc:postgresql://localhost/db", "jdbc:hive2://h:10000",
        "jdbc:spark://h:443", "jdbc:sqlite::memory:", " jdbc:sc://host:1", "jdbc :sc://h",
        "\u0000", "\uD800", "jdbc:sc\uD800://h", "x".repeat(10_000), "jdbc:sc" + ":".repeat(5000));
    for (String url : others) {
      assertThat(driver.acceptsURL(url)).as("acceptsURL(%s)", excerpt(url)).isFalse();
      assertThat(driver.connect(url, new Properties()))
          .as("connect(%s) is for another driver: null", excerpt(url)).isNull();
    }
    for (String url : List.of("jdbc:sc://localhost", "jdbc:sc://h:1/;a=b", "jdbc:sc://",
        "jdbc:sc://\uD800", "jdbc:sc://" + "h".repeat(10_000))) {
      assertThat(driver.acceptsURL(url)).as("acceptsURL(%s)", excerpt(url)).isTrue();
    }
  }

  /** JDBC: connect and acceptsURL throw SQLException "if … the url is null". */
  @Test
  void nullUrlIsAnSqlException() {
    assertSqlException(() -> driver.connect(null, new Properties()), "connect(null)");
    assertSqlException(() -> driver.acceptsURL(null), "acceptsURL(null)");
    assertSqlException(() -> DriverManager.getConnection(null), "getConnection(null)");
  }

  /**
   * Random mutations of valid URLs (junk characters, bad ports, empty hosts, duplicate keys,
   * unterminated parameters, malformed %-escapes, unicode, 10,000-character tails): each goes to
   * acceptsURL, Driver.connect and DriverManager.getConnection. Allowed: a working connection
   * or an SQLException with a message; for other drivers' URLs, null from connect.
   */
  @Test
  void fuzzedUrlsConnectOrFailWithSqlException(SparkConnectServer server) {
    Random random = new Random(SEED);
    int port = server.port();
    List<String> bases = List.of(
        "jdbc:sc://127.0.0.1:" + port,
        "jdbc:sc://localhost:" + port + "/;user_id=fuzz;user_agent=fuzzer",
        "jdbc:sc://127.0.0.1:" + port + "/;session_id=" + new UUID(random.nextLong(),
            random.nextLong()),
        "jdbc:sc://127.0.0.1:" + port + "/;translation_mode=text;quoting=ansi;use_ssl=false",
        "jdbc:sc://127.0.0.1:" + port + ";x-custom-header=value;grpc_max_message_size=1048576",
        "jdbc:sc://[::1]:" + port + "/");
    List<String> urls = new ArrayList<>(bases);
    for (int i = 0; i < 160; i++) {
      StringBuilder url = new StringBuilder(bases.get(random.nextInt(bases.size())));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        mutateUrl(url, random, port);
      }
      urls.add(url.toString());
    }
    urls.addAll(List.of(
        "jdbc:sc://" + "h".repeat(10_000) + ":" + port,
        "jdbc:sc://127.0.0.1:" + port + "/;k=" + "v".repeat(10_000),
        "jdbc:sc://127.0.0.1:" + port + "/;" + "k".repeat(10_000) + "=v",
        "jdbc:sc://127.0.0.1:" + port + "/" + ";".repeat(10_000),
        "jdbc:sc://127.0.0.1:" + port + "/;" + "a=b;".repeat(2_500),
        "jdbc:sc://127.0.0.1:" + port + "/;user_id=" + "%".repeat(10_000),
        "jdbc:sc://127.0.0.1:" + "9".repeat(10_000),
        "jdbc:sc://" + "[".repeat(10_000),
        "jdbc:sc://" + "\uD83D\uDE00".repeat(5_000) + ":" + port,
        "jdbc:sc://127.0.0.1:" + port + "/;user_agent=" + "\uD800".repeat(10_000)));

    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    int connected = 0;
    for (String url : urls) {
      Properties props = new Properties();
      props.setProperty("connect_timeout", "5");
      String problem = checkUrl(url, props);
      if (problem == null) {
        continue;
      }
      if (problem.equals("connected")) {
        connected++;
      } else {
        failures.add(problem + "\n    URL: " + excerpt(url));
      }
    }
    System.out.printf(Locale.ROOT, "BadInputTest: %d fuzzed URLs in %.1f s, %d connected;"
        + " seed %d%n", urls.size(), (System.nanoTime() - started) / 1e9, connected, SEED);
    assertThat(failures).as("fuzzed URLs that misbehaved: %d of %d (seed %d)", failures.size(),
        urls.size(), SEED).isEmpty();
    assertThat(connected).as("the unmutated URLs connect").isGreaterThanOrEqualTo(4);
  }

  /** Null when the URL was refused properly, "connected" when it worked, else the problem. */
  private String checkUrl(String url, Properties props) {
    boolean accepted;
    try {
      accepted = driver.acceptsURL(url);
    } catch (Throwable t) {
      return "acceptsURL threw " + t;
    }
    if (url.regionMatches(0, "jdbc:sc://", 0, 10) && !accepted) {
      return "acceptsURL refused a jdbc:sc:// URL";
    }
    if (!url.regionMatches(true, 0, "jdbc:sc:", 0, 8) && accepted) {
      return "acceptsURL accepted another driver's URL";
    }
    String viaDriver = outcome("Driver.connect", () -> driver.connect(url, props), !accepted);
    String viaManager = outcome("DriverManager.getConnection",
        () -> DriverManager.getConnection(url, props), false);
    if (viaDriver != null && !viaDriver.equals("connected")) {
      return viaDriver;
    }
    if (viaManager != null && !viaManager.equals("connected")) {
      return viaManager;
    }
    return "connected".equals(viaDriver) ? "connected" : null;
  }

  /**
   * Runs one connect attempt with a time limit: null for a proper SQLException (or the null a
   * driver returns for another driver's URL, when {@code nullExpected}), "connected" for a
   * connection that answers a query, else what went wrong.
   */
  private static String outcome(String what, Callable<Connection> open, boolean nullExpected) {
    Future<String> f = attempts.submit(() -> {
      Connection c;
      try {
        c = open.call();
      } catch (SQLException e) {
        return messageProblem(what, e);
      } catch (Throwable t) {
        return what + " threw " + ConcurrencyTest.stack(t);
      }
      if (c == null) {
        return nullExpected ? null : what + " returned null for its own URL";
      }
      if (nullExpected) {
        c.close();
        return what + " connected with a URL acceptsURL refused";
      }
      try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
        return rs.next() && rs.getInt(1) == 1 ? "connected" : what + ": SELECT 1 gave no 1";
      } catch (SQLException e) {
        return what + " connected, then SELECT 1 failed: " + e;
      } catch (Throwable t) {
        return what + " connected, then SELECT 1 threw " + ConcurrencyTest.stack(t);
      }
    });
    try {
      return f.get(ATTEMPT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return what + " did not answer within " + ATTEMPT_SECONDS + " s";
    } catch (ExecutionException e) {
      return what + " failed: " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String messageProblem(String what, SQLException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank() || m.equals("null")) {
      return what + " threw an SQLException without a message: " + e;
    }
    if (e.getSQLState() == null || e.getSQLState().length() != 5) {
      return what + " threw an SQLException without a 5-character SQLSTATE: " + e;
    }
    return null;
  }

  private static final String[] BAD_PORTS = {"0", "-1", "65536", "99999999999999999999", "abc",
      "", " 1", "1.5", "0x3A9A", "+1", "1 ", "\uD800", "٣"};
  private static final String[] UNTERMINATED = {";key", ";key=", ";=v", ";%", ";k=%zz",
      ";k=%E9", ";k=%", ";%zz=1", ";token", ";user_id=", ";session_id=", ";connect_timeout=",
      ";use_ssl=maybe", ";grpc_max_message_size=-5", ";quoting=", ";k=v;k=w", ";k=%u00e9",
      ";=", "/", "//", ";;;=;;", ";Key With Spaces=1", ";k-bin=x", ";:authority=evil",
      ";te=trailers", ";content-type=text/plain", ";user-agent=x", ";host=other"};

  private static void mutateUrl(StringBuilder url, Random random, int port) {
    int at = url.length() == 0 ? 0 : random.nextInt(url.length() + 1);
    switch (random.nextInt(10)) {
      case 0 -> url.insert(at, junk(random));
      case 1 -> {
        if (at < url.length()) {
          url.deleteCharAt(at);
        }
      }
      case 2 -> {
        if (at < url.length()) {
          url.replace(at, at + 1, junk(random));
        }
      }
      case 3 -> {
        String s = url.toString();
        int colon = s.indexOf(":" + port);
        if (colon > 0) {
          url.replace(colon + 1, colon + 1 + Integer.toString(port).length(),
              BAD_PORTS[random.nextInt(BAD_PORTS.length)]);
        }
      }
      case 4 -> {
        String s = url.toString();
        int hostStart = s.indexOf("//") + 2;
        int hostEnd = s.indexOf(':', hostStart);
        if (hostStart > 1 && hostEnd > hostStart) {
          url.delete(hostStart, hostEnd);
        }
      }
      case 5 -> {
        String s = url.toString();
        int semi = s.indexOf(';');
        if (semi >= 0) {
          int end = s.indexOf(';', semi + 1);
          url.append(s, semi, end < 0 ? s.length() : end); // duplicate key
        } else {
          url.append("/;user_id=a;user_id=b");
        }
      }
      case 6 -> url.append(UNTERMINATED[random.nextInt(UNTERMINATED.length)]);
      case 7 -> url.setLength(Math.max(7, at));
      case 8 -> {
        String s = url.toString();
        int hostStart = s.indexOf("//") + 2;
        if (hostStart > 1) {
          url.insert(hostStart, new String[] {"ü", "日本", "\uD83D\uDE00", "xn--", "-", ".",
              "%41", "user@", "[", "]"}[random.nextInt(10)]);
        }
      }
      default -> url.append(junk(random).repeat(1 + random.nextInt(10_000)));
    }
  }

  private static String junk(Random random) {
    int cp = JUNK.codePointAt(JUNK.offsetByCodePoints(0,
        random.nextInt(JUNK.codePointCount(0, JUNK.length()))));
    return new String(Character.toChars(cp));
  }

  // =======================================================================================
  // Property values

  private enum Kind { POSITIVE_INT, NON_NEGATIVE_INT, INT, BOOLEAN, CHOICE, UUID, NON_EMPTY,
      FILE, FREE }

  /** What the test knows each documented property to be; others are inferred or free text. */
  private static final Map<String, Kind> KNOWN = Map.ofEntries(
      Map.entry("grpc_max_message_size", Kind.POSITIVE_INT),
      Map.entry("connect_timeout", Kind.NON_NEGATIVE_INT),
      Map.entry("use_ssl", Kind.BOOLEAN),
      Map.entry("ssl_verify", Kind.BOOLEAN),
      Map.entry("translation_mode", Kind.CHOICE),
      Map.entry("quoting", Kind.CHOICE),
      Map.entry("ssl_trust_store_type", Kind.CHOICE),
      Map.entry("session_id", Kind.UUID),
      Map.entry("token", Kind.NON_EMPTY),
      Map.entry("user_id", Kind.NON_EMPTY),
      Map.entry("user_agent", Kind.NON_EMPTY),
      Map.entry("ssl_ca_file", Kind.FILE),
      Map.entry("ssl_trust_store", Kind.FILE),
      Map.entry("user", Kind.FREE),
      Map.entry("password", Kind.FREE),
      Map.entry("ssl_trust_store_password", Kind.FREE));

  private static Kind kindOf(DriverPropertyInfo p) {
    Kind known = KNOWN.get(p.name);
    if (known != null) {
      return known;
    }
    if (p.choices != null && p.choices.length > 0) {
      return Arrays.asList(p.choices).containsAll(List.of("true", "false")) ? Kind.BOOLEAN
          : Kind.CHOICE;
    }
    if (p.value != null && p.value.matches("-?\\d+")) {
      return Kind.INT;
    }
    if ("true".equals(p.value) || "false".equals(p.value)) {
      return Kind.BOOLEAN;
    }
    return Kind.FREE;
  }

  private static List<String> invalidValues(Kind kind) {
    List<String> ints = List.of("abc", "", " ", "1.5", "1e3", "0x10", "99999999999999999999",
        "-2147483649", "NaN", "\uD800", "12abc", "+-1", "1_000");
    return switch (kind) {
      case POSITIVE_INT -> concat(ints, List.of("0", "-1", "-2147483648"));
      case NON_NEGATIVE_INT -> concat(ints, List.of("-1", "-2147483648"));
      case INT -> ints;
      case BOOLEAN -> List.of("yes", "1", "", "truee", "\uD800", "t r u e", "null");
      case CHOICE -> List.of("", "bogus", "\uD800", "strict;text", "null", "x".repeat(10_000));
      case UUID -> List.of("", "not-a-uuid", "123", "\uD800",
          "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "123e4567-e89b-12d3-a456-4266141740001234");
      case NON_EMPTY -> List.of("");
      case FILE -> List.of("", "/no/such/file.pem", "\u0000", "/", "x".repeat(10_000));
      case FREE -> List.of();
    };
  }

  /**
   * Every property getPropertyInfo lists, given invalid values (non-numbers and negatives for
   * numbers, unknown choices, empty strings, unpaired surrogates, 10,000 characters) through
   * Properties and through the URL: an SQLException that names the property. Then random and
   * huge values, valid or not: a working connection or an SQLException, nothing else.
   */
  @Test
  void fuzzedPropertyValuesNameThePropertyOrConnect(SparkConnectServer server)
      throws SQLException {
    Random random = new Random(SEED + 1);
    DriverPropertyInfo[] infos = driver.getPropertyInfo(server.url(), new Properties());
    assertThat(infos).isNotEmpty();
    List<String> failures = new ArrayList<>();
    Map<String, Kind> kinds = new LinkedHashMap<>();
    long started = System.nanoTime();
    int tried = 0;
    for (DriverPropertyInfo p : infos) {
      assertThat(p.name).as("property name").isNotBlank();
      assertThat(p.description).as("description of %s", p.name).isNotBlank();
      Kind kind = kindOf(p);
      kinds.put(p.name, kind);
      boolean secret = p.name.contains("token") || p.name.contains("password");
      for (String value : invalidValues(kind)) {
        for (boolean inUrl : new boolean[] {false, true}) {
          tried++;
          String problem = checkProperty(server, p.name, value, inUrl, true, secret);
          if (problem != null) {
            failures.add(problem);
          }
        }
      }
      for (String value : randomValues(random)) {
        tried++;
        String problem = checkProperty(server, p.name, value, random.nextBoolean(), false,
            secret);
        if (problem != null) {
          failures.add(problem);
        }
      }
    }
    System.out.printf(Locale.ROOT, "BadInputTest: %d property values in %.1f s over %s; seed %d%n",
        tried, (System.nanoTime() - started) / 1e9, kinds, SEED);
    assertThat(failures).as("property values that misbehaved (seed %d)", SEED).isEmpty();
  }

  private static List<String> randomValues(Random random) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        s.append(junk(random));
      }
      out.add(s.toString());
    }
    out.add(Integer.toString(random.nextInt()));
    out.add(Long.toString(random.nextLong()));
    out.add(junk(random).repeat(10_000));
    out.add("2147483647");
    return out;
  }

  /** Null when the value behaved: connected (valid values), or an SQLException naming the key. */
  private static String checkProperty(SparkConnectServer server, String key, String value,
      boolean inUrl, boolean invalid, boolean secret) {
    Properties props = new Properties();
    if (!key.equals("connect_timeout")) {
      props.setProperty("connect_timeout", "5");
    }
    String url = server.url();
    if (inUrl) {
      url = url + "/;" + key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    } else {
      props.setProperty(key, value);
    }
    String where = key + "=" + excerpt(value) + (inUrl ? " in the URL" : " in Properties");
    String finalUrl = url;
    Future<String> f = attempts.submit(() -> {
      try (Connection c = DriverManager.getConnection(finalUrl, props)) {
        if (invalid) {
          return where + ": accepted an invalid value";
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
          return rs.next() ? null : where + ": connected, SELECT 1 gave no row";
        }
      } catch (SQLException e) {
        String problem = messageProblem(where, e);
        if (problem != null) {
          return problem;
        }
        if (invalid && !e.getMessage().contains(key)) {
          return where + ": the message does not name the property: " + e.getMessage();
        }
        if (secret && value.length() >= 4 && e.getMessage().contains(value)) {
          return where + ": the message shows the secret value";
        }
        return null;
      } catch (Throwable t) {
        return where + ": threw " + ConcurrencyTest.stack(t);
      }
    });
    try {
      return f.get(ATTEMPT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return where + ": no answer within " + ATTEMPT_SECONDS + " s";
    } catch (ExecutionException e) {
      return where + ": " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  // =======================================================================================
  // Huge statements

  @Test
  void tenMegabyteStringLiteralInAStatement(SparkConnectServer server) {
    String sql = "SELECT length('" + "x".repeat(MB10) + "') AS n";
    assertThat(queryLong(server, s -> s.executeQuery(sql))).isEqualTo(MB10);
  }

  @Test
  void tenMegabyteCommentInAStatement(SparkConnectServer server) {
    String sql = "SELECT 42 AS n /* " + "*".repeat(MB10) + " */";
    assertThat(queryLong(server, s -> s.executeQuery(sql))).isEqualTo(42);
    String lineComments = "-- " + "c".repeat(MB10) + "\nSELECT 43 AS n";
    assertThat(queryLong(server, s -> s.executeQuery(lineComments))).isEqualTo(43);
  }

  @Test
  void tenMegabyteParameterAndPreparedStatement(SparkConnectServer server) {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      try (Connection c = DriverManager.getConnection(server.url())) {
        try (PreparedStatement ps = c.prepareStatement("SELECT length(?) AS n")) {
          ps.setString(1, "é".repeat(MB10));
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(MB10);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT ? AS p, length('" + "y".repeat(MB10) + "') AS n")) {
          ps.setInt(1, 7);
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
            assertThat(rs.getLong(2)).isEqualTo(MB10);
          }
        }
      }
    });
  }

  /**
   * 10 MB that Spark rejects at once (garbage: a syntax error) or runs (a query behind 10 MB of
   * blanks): an SQLException with a message or the right answer; the connection stays usable.
   */
  @Test
  void tenMegabyteGarbageFailsCleanly(SparkConnectServer server) {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      try (Connection c = DriverManager.getConnection(server.url());
           Statement s = c.createStatement()) {
        for (String sql : List.of("x".repeat(MB10), "SELECT " + "'".repeat(MB10 - 1),
            "SELECT 1 FROM " + "`".repeat(MB10), "{".repeat(MB10), ";".repeat(MB10))) {
          try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              rs.getObject(1);
            }
          } catch (SQLException e) {
            assertThat(messageProblem(excerpt(sql), e)).isNull();
          }
        }
        try (ResultSet rs = s.executeQuery(" ".repeat(MB10) + "SELECT 5 AS n")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(5);
        }
      }
    });
  }

  /**
   * 10 MB of nesting or of a flat operator chain costs Spark's own parser and planner minutes
   * and gigabytes (measured: a 2.6-million-term sum or a 3.5-million-value IN list ran a 2 GB
   * server out of heap), so those are not sent to the shared server. With translation_mode=strict
   * the driver itself refuses them, at once and with an SQLException: a statement too long to
   * translate.
   */
  @Test
  void tenMegabyteNestingIsRefusedInStrictModeWithoutTheServer(SparkConnectServer server) {
    List<String> statements = List.of(
        "SELECT " + "(".repeat(MB10 / 2) + "1" + ")".repeat(MB10 / 2),
        "SELECT 1" + " + 1".repeat(MB10 / 4),
        "SELECT 1 FROM range(1) WHERE id IN (" + "1, ".repeat(MB10 / 3) + "1)",
        "SELECT " + "abs(".repeat(MB10 / 5) + "1" + ")".repeat(MB10 / 5),
        "WITH " + "c AS (SELECT 1), ".repeat(MB10 / 18) + "d AS (SELECT 1) SELECT * FROM d");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (Connection c = DriverManager.getConnection(server.url() + "/;translation_mode=strict");
           Statement s = c.createStatement()) {
        for (String sql : statements) {
          long started = System.nanoTime();
          try {
            s.executeQuery(sql).close();
            throw new AssertionError("strict mode ran " + excerpt(sql));
          } catch (SQLException e) {
            assertThat(messageProblem(excerpt(sql), e)).isNull();
            assertThat(e.getMessage()).containsIgnoringCase("translat");
          }
          try {
            c.prepareStatement(sql).close();
            throw new AssertionError("strict mode prepared " + excerpt(sql));
          } catch (SQLException e) {
            assertThat(messageProblem(excerpt(sql), e)).isNull();
          }
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .as("refused without the server: %s", excerpt(sql)).isLessThan(Duration.ofSeconds(10));
        }
        try (ResultSet rs = s.executeQuery("SELECT 1")) {
          assertThat(rs.next()).isTrue();
        }
      }
    });
  }

  private interface Query {
    ResultSet run(Statement s) throws SQLException;
  }

  private static long queryLong(SparkConnectServer server, Query query) {
    return assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      try (Connection c = DriverManager.getConnection(server.url());
           Statement s = c.createStatement();
           ResultSet rs = query.run(s)) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    });
  }

  // =======================================================================================
  // Unpaired UTF-16 surrogates: no UTF-8 encoding exists, so sending them would silently turn
  // them into '?'. An SQLException must say so instead.

  @Test
  void loneSurrogatesInSqlTextAreRefused(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
         Statement s = c.createStatement()) {
      for (String lone : LONE_SURROGATES) {
        for (String sql : List.of("SELECT '" + lone + "' AS v", "SELECT 1 AS `a" + lone + "`",
            "SELECT 1 -- " + lone, "SELECT * FROM " + schema + ".`t" + lone + "`",
            "CREATE TABLE " + schema + ".`t" + lone + "` (a INT) USING parquet")) {
          expectSurrogateRefusal(failures, "Statement.execute(" + escape(sql) + ")",
              () -> s.execute(sql));
          expectSurrogateRefusal(failures, "prepareStatement(" + escape(sql) + ")",
              () -> c.prepareStatement(sql).execute());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    assertThat(failures).as("SQL with unpaired surrogates").isEmpty();
  }

  @Test
  void loneSurrogatesInParametersAreRefused(SparkConnectServer server) throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
         PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      for (String lone : LONE_SURROGATES) {
        String v = "a" + lone + "b";
        Map<String, Callable<?>> setters = new LinkedHashMap<>();
        setters.put("setString", () -> { ps.setString(1, v); return ps.executeQuery(); });
        setters.put("setNString", () -> { ps.setNString(1, v); return ps.executeQuery(); });
        setters.put("setObject(String)", () -> { ps.setObject(1, v); return ps.executeQuery(); });
        setters.put("setObject(String, VARCHAR)",
            () -> { ps.setObject(1, v, Types.VARCHAR); return ps.executeQuery(); });
        setters.put("setObject(Character)", () -> {
          ps.setObject(1, lone.charAt(lone.length() - 1));
          return ps.executeQuery();
        });
        setters.put("setCharacterStream", () -> {
          ps.setCharacterStream(1, new StringReader(v));
          return ps.executeQuery();
        });
        setters.put("setClob(Reader)", () -> {
          ps.setClob(1, new StringReader(v));
          return ps.executeQuery();
        });
        setters.put("setArray(createArrayOf)", () -> {
          ps.setArray(1, c.createArrayOf("string", new Object[] {"ok", v}));
          return ps.executeQuery();
        });
        for (Map.Entry<String, Callable<?>> e : setters.entrySet()) {
          expectSurrogateRefusal(failures, e.getKey() + "(" + escape(v) + ")", e.getValue());
        }
      }
      // still usable, and a valid surrogate pair is no problem
      ps.setString(1, "ok \uD83D\uDE00");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ok \uD83D\uDE00");
      }
    }
    assertThat(failures).as("parameters with unpaired surrogates").isEmpty();
  }

  /**
   * Metadata patterns and names with unpaired surrogates: no name on the server can match, so an
   * empty result or an SQLException; never another exception. Identifiers with valid
   * supplementary characters (an emoji in a column name) are found by exact name and by pattern.
   */
  @Test
  void surrogatesInIdentifiersAndMetadataPatterns(SparkConnectServer server)
      throws SQLException {
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url())) {
      DatabaseMetaData md = c.getMetaData();
      for (String lone : LONE_SURROGATES) {
        Map<String, Callable<ResultSet>> calls = new LinkedHashMap<>();
        calls.put("getTables(schema pattern)", () -> md.getTables(null, lone + "%", "%", null));
        calls.put("getTables(table)", () -> md.getTables(null, schema, "tbl_emoji" + lone, null));
        calls.put("getTables(table pattern)", () -> md.getTables(null, schema, "%" + lone, null));
        calls.put("getColumns", () -> md.getColumns(null, schema, "%", "c_" + lone));
        calls.put("getColumns(half an emoji)",
            () -> md.getColumns(null, schema, "tbl_emoji", "c_" + lone.charAt(0)));
        calls.put("getSchemas", () -> md.getSchemas(null, lone));
        calls.put("getSchemas(catalog)", () -> md.getSchemas(lone, null));
        calls.put("getFunctions", () -> md.getFunctions(null, null, lone + "%"));
        calls.put("getPrimaryKeys", () -> md.getPrimaryKeys(null, lone, lone));
        for (Map.Entry<String, Callable<ResultSet>> e : calls.entrySet()) {
          String what = e.getKey() + " with " + escape(lone);
          try (ResultSet rs = e.getValue().call()) {
            if (rs.next()) {
              failures.add(what + ": matched " + rs.getString(3));
            }
          } catch (SQLException ok) {
            String problem = messageProblem(what, ok);
            if (problem != null) {
              failures.add(problem);
            }
          } catch (Throwable t) {
            failures.add(what + ": threw " + ConcurrencyTest.stack(t));
          }
        }
        for (Map.Entry<String, Callable<?>> e : Map.<String, Callable<?>>of(
            "setSchema", () -> { c.setSchema("s" + lone); return null; },
            "setCatalog", () -> { c.setCatalog("c" + lone); return null; },
            "nativeSQL", () -> c.nativeSQL("SELECT '" + lone + "'")).entrySet()) {
          try {
            e.getValue().call();
          } catch (SQLException ok) {
            String problem = messageProblem(e.getKey(), ok);
            if (problem != null) {
              failures.add(problem);
            }
          } catch (Throwable t) {
            failures.add(e.getKey() + " with " + escape(lone) + ": threw " + t);
          }
        }
      }
      // a supplementary character is two chars but one character of a name
      Map<String, List<String>> columnPatterns = new LinkedHashMap<>();
      columnPatterns.put("c_\uD83D\uDE00", List.of("c_\uD83D\uDE00")); // '_' is a wildcard too
      columnPatterns.put("c\\_\uD83D\uDE00", List.of("c_\uD83D\uDE00"));
      columnPatterns.put("%\uD83D\uDE00", List.of("c_\uD83D\uDE00"));
      columnPatterns.put("c__", List.of("c_\uD83D\uDE00"));
      columnPatterns.put("c___", List.of());
      columnPatterns.put("ü\uD83D\uDE00_", List.of("ü\uD83D\uDE00x"));
      columnPatterns.put("%\uD83D\uDE00%", List.of("c_\uD83D\uDE00", "ü\uD83D\uDE00x"));
      columnPatterns.put("\uD83D%", List.of()); // half a character matches nothing
      for (Map.Entry<String, List<String>> e : columnPatterns.entrySet()) {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, "tbl_emoji", e.getKey())) {
          while (rs.next()) {
            names.add(rs.getString("COLUMN_NAME"));
          }
        }
        if (!names.equals(e.getValue())) {
          failures.add("getColumns(column pattern " + escape(e.getKey()) + ") found "
              + names.stream().map(BadInputTest::escape).toList() + ", expected "
              + e.getValue().stream().map(BadInputTest::escape).toList());
        }
      }
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT `c_\uD83D\uDE00` FROM " + schema
               + ".tbl_emoji")) {
        assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("c_\uD83D\uDE00");
        assertThat(rs.next()).isFalse();
      }
    }
    assertThat(failures).as("identifiers and patterns with surrogates").isEmpty();
  }

  private static void expectSurrogateRefusal(List<String> failures, String what,
      Callable<?> call) {
    try {
      Object result = call.call();
      String shown = String.valueOf(result);
      if (result instanceof ResultSet rs) {
        shown = rs.next() ? "a row with " + escape(rs.getString(1)) : "an empty result";
        rs.close();
      }
      failures.add(what + ": no SQLException, answered " + shown);
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (!m.toLowerCase(Locale.ROOT).contains("surrogate")) {
        failures.add(what + ": an SQLException that does not mention the unpaired surrogate: "
            + e + " (SQLSTATE " + e.getSQLState() + ")");
      }
    } catch (Throwable t) {
      failures.add(what + ": threw " + ConcurrencyTest.stack(t));
    }
  }

  // =======================================================================================
  // PreparedStatement setters

  /** Objects with no SQL mapping: an SQLException, and the statement still works afterwards. */
  @Test
  void setObjectWithUnbindableJavaTypes(SparkConnectServer server) throws SQLException {
    List<Object> values = List.of(new Thread(), new Object(), new int[] {1, 2}, new long[] {1},
        new Object[] {1, "a"}, new String[] {"a"}, Optional.of(1), new StringBuilder("sb"),
        List.of(1, 2), Map.of("k", "v"), Locale.ROOT, Object.class, (Runnable) () -> { },
        new java.util.concurrent.atomic.AtomicInteger(1), Duration.ofSeconds(1),
        java.time.Period.ofDays(1), java.time.Year.of(2024), new char[] {'a'},
        java.time.OffsetTime.now(), java.time.ZoneId.of("UTC"), new Exception("boom"));
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
         PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      for (Object v : values) {
        String what = "setObject(" + v.getClass().getName() + ")";
        try {
          ps.setObject(1, v);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            failures.add(what + ": bound and executed, answered " + rs.getString(1));
          }
        } catch (SQLException e) {
          String problem = messageProblem(what, e);
          if (problem != null) {
            failures.add(problem);
          } else if (!e.getMessage().contains(v.getClass().getSimpleName())
              && !e.getMessage().contains(v.getClass().getName())) {
            failures.add(what + ": the message does not name the class: " + e.getMessage());
          }
        } catch (Throwable t) {
          failures.add(what + ": threw " + ConcurrencyTest.stack(t));
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
        {"abc", Types.INTEGER}, {"2024-13-45", Types.DATE}, {"not a time", Types.TIMESTAMP},
        {new byte[] {1, 2}, Types.DATE}, {true, Types.TIMESTAMP}, {Double.NaN, Types.INTEGER},
        {Double.POSITIVE_INFINITY, Types.BIGINT}, {"1e400", Types.DOUBLE},
        {Long.MAX_VALUE, Types.TINYINT}, {new Thread(), Types.VARCHAR},
        {new Object(), Types.JAVA_OBJECT}, {1, Types.STRUCT}, {1, Types.REF}, {1, Types.ROWID},
        {1, Types.DATALINK}, {1, Types.SQLXML}, {1, Types.DISTINCT}, {1, Types.REF_CURSOR},
        {1, 99_999}, {1, -99_999}, {1, Integer.MIN_VALUE}, {"x", Types.ARRAY},
        {LocalDate.of(2024, 1, 1), Types.BOOLEAN}, {"99999999999999999999999999999999999999999",
        Types.DECIMAL}, {new int[] {1}, Types.ARRAY}};
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
         PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      for (Object[] k : cases) {
        String what = "setObject(" + show(k[0]) + ", " + k[1] + ")";
        try {
          ps.setObject(1, k[0], (Integer) k[1]);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            rs.getObject(1);
          }
        } catch (SQLException e) {
          String problem = messageProblem(what, e);
          if (problem != null) {
            failures.add(problem);
          }
        } catch (Throwable t) {
          failures.add(what + ": threw " + ConcurrencyTest.stack(t));
        }
      }
      for (SQLType type : List.of(JDBCType.INTEGER, JDBCType.STRUCT, JDBCType.OTHER)) {
        String what = "setObject(1, SQLType " + type + ")";
        try {
          ps.setObject(1, "1", type);
          ps.executeQuery().close();
        } catch (SQLException e) {
          String problem = messageProblem(what, e);
          if (problem != null) {
            failures.add(problem);
          }
        } catch (Throwable t) {
          failures.add(what + ": threw " + ConcurrencyTest.stack(t));
        }
      }
      assertUsable(ps);
    }
    assertThat(failures).isEmpty();
  }

  /**
   * Values beyond what Spark's DATE (days in an int), TIMESTAMP (microseconds in a long) and
   * DECIMAL (38 digits) hold: an SQLException (22008 / 22003), never an ArithmeticException or
   * a silently wrapped value. Huge scales must not make the driver compute 10^2147483647.
   */
  @Test
  void valuesBeyondSparkRangesAreSqlExceptions(SparkConnectServer server) throws SQLException {
    Map<String, Callable<?>> cases = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(server.url());
         PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
      cases.put("setTimestamp(Long.MAX_VALUE ms)",
          () -> { ps.setTimestamp(1, new Timestamp(Long.MAX_VALUE)); return ps.executeQuery(); });
      cases.put("setTimestamp(Long.MIN_VALUE ms)",
          () -> { ps.setTimestamp(1, new Timestamp(Long.MIN_VALUE)); return ps.executeQuery(); });
      cases.put("setTimestamp(Long.MAX_VALUE ms, calendar)", () -> {
        ps.setTimestamp(1, new Timestamp(Long.MAX_VALUE), Calendar.getInstance());
        return ps.executeQuery();
      });
      cases.put("setDate(Long.MAX_VALUE ms)",
          () -> { ps.setDate(1, new java.sql.Date(Long.MAX_VALUE)); return ps.executeQuery(); });
      cases.put("setDate(Long.MIN_VALUE ms)",
          () -> { ps.setDate(1, new java.sql.Date(Long.MIN_VALUE)); return ps.executeQuery(); });
      cases.put("setObject(Instant.MAX)",
          () -> { ps.setObject(1, Instant.MAX); return ps.executeQuery(); });
      cases.put("setObject(Instant.MIN)",
          () -> { ps.setObject(1, Instant.MIN); return ps.executeQuery(); });
      cases.put("setObject(LocalDateTime.MAX)",
          () -> { ps.setObject(1, LocalDateTime.MAX); return ps.executeQuery(); });
      cases.put("setObject(LocalDateTime.MIN)",
          () -> { ps.setObject(1, LocalDateTime.MIN); return ps.executeQuery(); });
      cases.put("setObject(LocalDate.MAX)",
          () -> { ps.setObject(1, LocalDate.MAX); return ps.executeQuery(); });
      cases.put("setObject(LocalDate.MIN)",
          () -> { ps.setObject(1, LocalDate.MIN); return ps.executeQuery(); });
      cases.put("setObject(OffsetDateTime.MAX)",
          () -> { ps.setObject(1, OffsetDateTime.MAX); return ps.executeQuery(); });
      cases.put("setObject(ZonedDateTime year 999999999)", () -> {
        ps.setObject(1, ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC));
        return ps.executeQuery();
      });
      cases.put("setObject(java.util.Date(Long.MAX_VALUE))",
          () -> { ps.setObject(1, new java.util.Date(Long.MAX_VALUE)); return ps.executeQuery(); });
      cases.put("setObject(Timestamp(Long.MIN_VALUE), TIMESTAMP)", () -> {
        ps.setObject(1, new Timestamp(Long.MIN_VALUE), Types.TIMESTAMP);
        return ps.executeQuery();
      });
      cases.put("setBigDecimal(1E+1000000000)", () -> {
        ps.setBigDecimal(1, new BigDecimal("1E+1000000000"));
        return ps.executeQuery();
      });
      cases.put("setBigDecimal(1E-1000000000)", () -> {
        ps.setBigDecimal(1, new BigDecimal("1E-1000000000"));
        return ps.executeQuery();
      });
      cases.put("setBigDecimal(unscaled 1, scale Integer.MIN_VALUE)", () -> {
        ps.setBigDecimal(1, new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
        return ps.executeQuery();
      });
      cases.put("setObject(BigInteger 2^200)", () -> {
        ps.setObject(1, BigInteger.TWO.pow(200));
        return ps.executeQuery();
      });
      cases.put("setObject(BigDecimal.ONE, DECIMAL, scale Integer.MAX_VALUE)", () -> {
        ps.setObject(1, BigDecimal.ONE, Types.DECIMAL, Integer.MAX_VALUE);
        return ps.executeQuery();
      });
      cases.put("setObject(BigDecimal.ONE, NUMERIC, scale -2147483648)", () -> {
        ps.setObject(1, BigDecimal.ONE, Types.NUMERIC, Integer.MIN_VALUE);
        return ps.executeQuery();
      });
      cases.put("setObject(BigDecimal.ONE, DECIMAL, scale 39)", () -> {
        ps.setObject(1, BigDecimal.ONE, Types.DECIMAL, 39);
        return ps.executeQuery();
      });
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        for (Map.Entry<String, Callable<?>> e : cases.entrySet()) {
          try {
            Object result = e.getValue().call();
            String shown = "?";
            if (result instanceof ResultSet rs) {
              shown = rs.next() ? rs.getString(1) : "no row";
              rs.close();
            }
            failures.add(e.getKey() + ": no SQLException, the server got " + shown);
          } catch (SQLException ok) {
            String problem = messageProblem(e.getKey(), ok);
            if (problem != null) {
              failures.add(problem);
            }
          } catch (Throwable t) {
            failures.add(e.getKey() + ": threw " + ConcurrencyTest.stack(t));
          }
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
        assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal(
            "12345678901234567890123456789012345678"));
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
        try {
          ps.setArray(1, e.getValue());
          ps.executeQuery().close();
          failures.add("setArray(" + e.getKey() + "): no SQLException");
        } catch (SQLException ok) {
          String problem = messageProblem(e.getKey(), ok);
          if (problem != null) {
            failures.add(problem);
          }
        } catch (Throwable t) {
          failures.add("setArray(" + e.getKey() + "): threw " + ConcurrencyTest.stack(t));
        }
      }
      for (String type : List.of("decimal(99999999999,1)", "varchar(99999999999)",
          "decimal(100,50)", "interval year to nonsense", "", " ", "array<", "map<int>",
          "\uD800")) {
        String what = "createArrayOf(" + escape(type) + ")";
        try {
          ps.setArray(1, c.createArrayOf(type, new Object[] {1}));
          ps.executeQuery().close();
        } catch (SQLException ok) {
          String problem = messageProblem(what, ok);
          if (problem != null) {
            failures.add(problem);
          }
        } catch (Throwable t) {
          failures.add(what + ": threw " + ConcurrencyTest.stack(t));
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
      List<Method> methods = Arrays.stream(PreparedStatement.class.getMethods())
          .filter(m -> m.getName().startsWith("set") && m.getParameterCount() >= 2
              && m.getParameterTypes()[0] == int.class)
          .sorted(Comparator.comparing(Method::toString))
          .toList();
      for (Method m : methods) {
        setters++;
        for (int index : new int[] {0, -1, 3, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
          Object[] args = new Object[m.getParameterCount()];
          args[0] = index;
          for (int i = 1; i < args.length; i++) {
            args[i] = value(m.getParameterTypes()[i]);
          }
          String what = m.getName() + Arrays.stream(m.getParameterTypes())
              .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"))
              + " at index " + index;
          try {
            m.invoke(ps, args);
            failures.add(what + ": accepted");
          } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof SQLException sql)) {
              failures.add(what + ": threw " + ConcurrencyTest.stack(e.getCause()));
            } else {
              String problem = messageProblem(what, sql);
              if (problem != null) {
                failures.add(problem);
              }
            }
          } catch (IllegalAccessException e) {
            failures.add(what + ": " + e);
          }
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
    System.out.println("BadInputTest: " + setters + " setters × 5 bad indexes");
    assertThat(setters).isGreaterThan(40);
    assertThat(failures).isEmpty();
  }

  // =======================================================================================
  // Bad arguments to every method

  /** Methods the sweep leaves out: they end the object (checked elsewhere) or the JDK allows NPE. */
  private static final Map<String, String> SWEEP_SKIPS = Map.of(
      "close()", "ends the object; use after close is UseAfterCloseTest",
      "abort(Executor)", "ends the connection",
      "closeOnCompletion()", "ends the statement with its next result set",
      "enquoteLiteral(String)", "JDK default: its javadoc specifies NullPointerException for null",
      "enquoteIdentifier(String,boolean)", "JDK default: its javadoc specifies NullPointerException",
      "enquoteNCharLiteral(String)", "JDK default: its javadoc specifies NullPointerException",
      "isSimpleIdentifier(String)", "JDK default: its javadoc specifies NullPointerException");

  /**
   * Every method of open Connection, Statement, PreparedStatement, ResultSet and
   * DatabaseMetaData objects, called reflectively with hostile arguments: nulls, empty strings and
   * arrays, -1, 0 and Integer.MAX_VALUE (and index 1 with null values for result sets and
   * prepared statements). Each call answers or throws an SQLException with a message and an
   * SQLSTATE; never a NullPointerException, IllegalArgumentException, ClassCastException or
   * another runtime exception.
   */
  @Test
  void hostileArgumentsToEveryMethodOfOpenObjects(SparkConnectServer server)
      throws SQLException {
    List<String> failures = new ArrayList<>();
    int calls = 0;
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection(server.url())) {
      calls += sweep(Connection.class, c, new Object[] {-1, 0, Integer.MAX_VALUE}, failures);
      try (Statement s = c.createStatement()) {
        calls += sweep(Statement.class, s, new Object[] {-1, 0, Integer.MAX_VALUE}, failures);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? AS a, ? AS b")) {
        calls += sweep(PreparedStatement.class, ps, new Object[] {-1, 0, 1, Integer.MAX_VALUE},
            failures);
      }
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT id, CAST(id AS STRING) AS s, "
               + "DATE'2024-01-02' AS d, array(1, 2) AS a FROM range(1000)")) {
        rs.next();
        calls += sweep(ResultSet.class, rs, new Object[] {-1, 0, 1, Integer.MAX_VALUE}, failures);
      }
      calls += sweep(DatabaseMetaData.class, c.getMetaData(), new Object[] {-1, 0},
          failures);
    }
    System.out.printf(Locale.ROOT, "BadInputTest: %d calls with hostile arguments in %.1f s%n",
        calls, (System.nanoTime() - started) / 1e9);
    assertThat(failures).as("calls with hostile arguments that threw something else than an"
        + " SQLException (%d of %d)", failures.size(), calls).isEmpty();
  }

  /**
   * JDK defaults that only say "not implemented" although the driver implements the same call
   * without "Large" ({@code executeUpdate(String, int)} works): the driver must override them.
   */
  private static final Set<String> MUST_OVERRIDE = Set.of("executeLargeUpdate(String,int)",
      "executeLargeUpdate(String,int[])", "executeLargeUpdate(String,String[])");

  private static boolean inheritedDefault(Object target, Method m) {
    try {
      return target.getClass().getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass()
          .isInterface();
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Calls every method of {@code iface} once per int in {@code ints}; returns the call count. */
  private static int sweep(Class<?> iface, Object target, Object[] ints, List<String> failures) {
    int calls = 0;
    List<Method> methods = Arrays.stream(iface.getMethods())
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .sorted(Comparator.comparing(Method::toString))
        .toList();
    for (Method m : methods) {
      String sig = m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
          .collect(Collectors.joining(",", "(", ")"));
      if (SWEEP_SKIPS.containsKey(sig)) {
        continue;
      }
      for (int profile = 0; profile < ints.length; profile++) {
        int n = (Integer) ints[profile];
        boolean empty = profile % 2 == 1; // alternate null and empty references
        Object[] args = Arrays.stream(m.getParameterTypes()).map(t -> hostile(t, n, empty))
            .toArray();
        calls++;
        String what = iface.getSimpleName() + "." + sig + " with " + Arrays.stream(args)
            .map(a -> a == null ? "null" : a instanceof Object[] o ? "[" + o.length + "]"
                : String.valueOf(a)).collect(Collectors.joining(", "));
        Future<String> f = attempts.submit(() -> {
          try {
            Object result = m.invoke(target, args);
            if (result instanceof ResultSet rs && rs != target) {
              rs.close();
            }
            return null;
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
              String problem = messageProblem(what, sql);
              // A JDK default the driver does not override ("… not implemented", no SQLSTATE) is
              // acceptable, unless the driver implements its twin: then it is a gap.
              return problem != null && inheritedDefault(target, m)
                  && !MUST_OVERRIDE.contains(sig) && sql.getMessage() != null ? null : problem;
            }
            return what + ": threw " + ConcurrencyTest.stack(cause);
          }
        });
        try {
          String problem = f.get(ATTEMPT_SECONDS, TimeUnit.SECONDS);
          if (problem != null) {
            failures.add(problem);
          }
        } catch (TimeoutException e) {
          f.cancel(true);
          failures.add(what + ": no answer within " + ATTEMPT_SECONDS + " s");
        } catch (ExecutionException | InterruptedException e) {
          failures.add(what + ": " + e);
        }
        if (m.getParameterCount() == 0) {
          break; // one call is enough
        }
      }
    }
    return calls;
  }

  /** A hostile value of a parameter type: n for numbers, null or empty for references. */
  private static Object hostile(Class<?> type, int n, boolean empty) {
    if (type == int.class) {
      return n;
    } else if (type == long.class) {
      return (long) n;
    } else if (type == short.class) {
      return (short) n;
    } else if (type == byte.class) {
      return (byte) n;
    } else if (type == boolean.class) {
      return empty;
    } else if (type == float.class) {
      return (float) n;
    } else if (type == double.class) {
      return (double) n;
    } else if (!empty) {
      return null;
    } else if (type == String.class) {
      return "";
    } else if (type.isArray()) {
      return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
    } else if (type == Map.class) {
      return new HashMap<>();
    } else if (type == Properties.class) {
      return new Properties();
    } else if (type == Object.class) {
      return "";
    } else if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[0]);
    } else if (type == Reader.class) {
      return new StringReader("");
    }
    return null;
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

  private interface SqlCall {
    Object call() throws Exception;
  }

  private static void assertSqlException(SqlCall call, String what) {
    try {
      Object result = call.call();
      throw new AssertionError(what + " answered " + result + " instead of an SQLException");
    } catch (SQLException expected) {
      assertThat(expected.getMessage()).as(what).isNotBlank();
    } catch (Exception e) {
      throw new AssertionError(what + " threw " + e + " instead of an SQLException", e);
    }
  }

  /** An Array of another library: its base type name and elements as given. */
  private static Array array(String baseTypeName, Object elements) {
    return (Array) java.lang.reflect.Proxy.newProxyInstance(BadInputTest.class.getClassLoader(),
        new Class<?>[] {Array.class}, (proxy, method, args) -> switch (method.getName()) {
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

  /** A valid value of each setter parameter type. */
  private static Object value(Class<?> type) {
    if (type == int.class) {
      return Types.INTEGER;
    } else if (type == long.class) {
      return 1L;
    } else if (type == short.class) {
      return (short) 1;
    } else if (type == byte.class) {
      return (byte) 1;
    } else if (type == boolean.class) {
      return true;
    } else if (type == float.class) {
      return 1f;
    } else if (type == double.class) {
      return 1d;
    } else if (type == String.class) {
      return "x";
    } else if (type == byte[].class) {
      return new byte[] {1};
    } else if (type == Object.class) {
      return "x";
    } else if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (type == java.sql.Date.class) {
      return java.sql.Date.valueOf("2024-01-02");
    } else if (type == Time.class) {
      return Time.valueOf("12:34:56");
    } else if (type == Timestamp.class) {
      return Timestamp.valueOf("2024-01-02 12:34:56");
    } else if (type == Calendar.class) {
      return Calendar.getInstance();
    } else if (type == InputStream.class) {
      return new ByteArrayInputStream(new byte[] {1});
    } else if (type == Reader.class) {
      return new StringReader("x");
    } else if (type == java.net.URL.class) {
      try {
        return URI.create("http://example.com/").toURL();
      } catch (java.net.MalformedURLException e) {
        throw new AssertionError(e);
      }
    } else if (type == SQLType.class) {
      return JDBCType.INTEGER;
    } else if (type == Map.class) {
      return new HashMap<>();
    }
    return null; // Array, Blob, Clob, NClob, Ref, RowId, SQLXML: null values
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
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

  /** Printable: control characters and surrogates as \\uXXXX, long strings shortened. */
  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    s.chars().limit(200).forEach(ch -> {
      if (ch < 0x20 || Character.isSurrogate((char) ch) || ch == 0x7f) {
        out.append(String.format("\\u%04x", ch));
      } else {
        out.append((char) ch);
      }
    });
    return s.length() > 200 ? out + "… (" + s.length() + " chars)" : out.toString();
  }

  static String excerpt(String s) {
    return escape(s);
  }
}
