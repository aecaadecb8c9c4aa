package dev.sparkjdbc.tck.faults;

import static dev.sparkjdbc.tck.faults.BadInput.excerpt;
import static dev.sparkjdbc.tck.faults.BadInput.messageProblem;
import static dev.sparkjdbc.tck.faults.BadInput.withinAttemptLimit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad connection input: fuzzed URLs (to {@code DriverManager.getConnection}, {@code Driver.connect}
 * and {@code acceptsURL}) and fuzzed values of every property {@code getPropertyInfo} lists. Each
 * either connects (to a connection that answers a query) or fails with an {@link
 * java.sql.SQLException} with a message and a SQLSTATE; nothing else escapes and nothing hangs. The
 * other bad-input tests are listed in {@link BadInput}.
 *
 * <p>Random input comes from a fixed seed (printed; override with {@code -Dsparkjdbc.tck.seed=…}),
 * so a failure replays. Each fuzz test collects every misbehaving input and reports them together.
 */
@ExtendWith(SparkConnectServerExtension.class)
class FuzzedUrlsAndPropertiesTest {
  private static final long SEED = Long.getLong("sparkjdbc.tck.seed", 0xBAD_1257L);
  private static final String JUNK =
      ";=/:[]%@#?&\\ \t\n\r\u0000\u007f'\"`<>{}|^~,+*$!é日" + "\uD83D\uDE00\uD800\uDFFF\uFFFF";

  private static Driver driver;
  private static ExecutorService attempts;

  @BeforeAll
  static void setUp(SparkConnectServer server) throws SQLException {
    System.out.println(
        "FuzzedUrlsAndPropertiesTest seed: " + SEED + " (-Dsparkjdbc.tck.seed=" + SEED + ")");
    driver = DriverManager.getDriver(server.url());
    attempts = Executors.newFixedThreadPool(4, ConcurrencyTest.named("bad-input"));
  }

  @AfterAll
  static void tearDown() {
    ConcurrencyTest.shutdown(attempts);
  }

  // =======================================================================================
  // URLs

  /** acceptsURL never throws for a non-null string and accepts only its own scheme. */
  @Test
  void acceptsUrlAnswersEveryStringWithoutThrowing() throws SQLException {
    List<String> others =
        List.of(
            "",
            " ",
            "jdbc:",
            "jdbc:sc:",
            "jdbc:sc:/host:1",
            "jdbc:sc:host",
            "sc://host:1",
            "jdbc:postgresql://localhost/db",
            "jdbc:hive2://h:10000",
            "jdbc:spark://h:443",
            "jdbc:sqlite::memory:",
            " jdbc:sc://host:1",
            "jdbc :sc://h",
            "\u0000",
            "\uD800",
            "jdbc:sc\uD800://h",
            "x".repeat(10_000),
            "jdbc:sc" + ":".repeat(5000));
    for (String url : others) {
      assertThat(driver.acceptsURL(url)).as("acceptsURL(%s)", excerpt(url)).isFalse();
      assertThat(driver.connect(url, new Properties()))
          .as("connect(%s) is for another driver: null", excerpt(url))
          .isNull();
    }
    for (String url :
        List.of(
            "jdbc:sc://localhost",
            "jdbc:sc://h:1/;a=b",
            "jdbc:sc://",
            "jdbc:sc://\uD800",
            "jdbc:sc://" + "h".repeat(10_000))) {
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
   * acceptsURL, Driver.connect and DriverManager.getConnection. Allowed: a working connection or an
   * SQLException with a message; for other drivers' URLs, null from connect.
   */
  @Test
  void fuzzedUrlsConnectOrFailWithSqlException(SparkConnectServer server) {
    Random random = new Random(SEED);
    int port = server.port();
    List<String> bases =
        List.of(
            "jdbc:sc://127.0.0.1:" + port,
            "jdbc:sc://localhost:" + port + "/;user_id=fuzz;user_agent=fuzzer",
            "jdbc:sc://127.0.0.1:"
                + port
                + "/;session_id="
                + new UUID(random.nextLong(), random.nextLong()),
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
    urls.addAll(
        List.of(
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
    System.out.printf(
        Locale.ROOT,
        "FuzzedUrlsAndPropertiesTest: %d fuzzed URLs in %.1f s," + " %d connected; seed %d%n",
        urls.size(),
        (System.nanoTime() - started) / 1e9,
        connected,
        SEED);
    assertThat(failures)
        .as("fuzzed URLs that misbehaved: %d of %d (seed %d)", failures.size(), urls.size(), SEED)
        .isEmpty();
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
    String viaManager =
        outcome(
            "DriverManager.getConnection", () -> DriverManager.getConnection(url, props), false);
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
    return withinAttemptLimit(
        attempts,
        what,
        () -> {
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
          try (c;
              Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next() && rs.getInt(1) == 1 ? "connected" : what + ": SELECT 1 gave no 1";
          } catch (SQLException e) {
            return what + " connected, then SELECT 1 failed: " + e;
          } catch (Throwable t) {
            return what + " connected, then SELECT 1 threw " + ConcurrencyTest.stack(t);
          }
        });
  }

  private static final String[] BAD_PORTS = {
    "0",
    "-1",
    "65536",
    "99999999999999999999",
    "abc",
    "",
    " 1",
    "1.5",
    "0x3A9A",
    "+1",
    "1 ",
    "\uD800",
    "٣"
  };
  private static final String[] UNTERMINATED = {
    ";key",
    ";key=",
    ";=v",
    ";%",
    ";k=%zz",
    ";k=%E9",
    ";k=%",
    ";%zz=1",
    ";token",
    ";user_id=",
    ";session_id=",
    ";connect_timeout=",
    ";use_ssl=maybe",
    ";grpc_max_message_size=-5",
    ";quoting=",
    ";k=v;k=w",
    ";k=%u00e9",
    ";=",
    "/",
    "//",
    ";;;=;;",
    ";Key With Spaces=1",
    ";k-bin=x",
    ";:authority=evil",
    ";te=trailers",
    ";content-type=text/plain",
    ";user-agent=x",
    ";host=other"
  };

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
          url.replace(
              colon + 1,
              colon + 1 + Integer.toString(port).length(),
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
          url.insert(
              hostStart,
              new String[] {"ü", "日本", "\uD83D\uDE00", "xn--", "-", ".", "%41", "user@", "[", "]"}
                  [random.nextInt(10)]);
        }
      }
      default -> url.append(junk(random).repeat(1 + random.nextInt(10_000)));
    }
  }

  private static String junk(Random random) {
    int cp =
        JUNK.codePointAt(
            JUNK.offsetByCodePoints(0, random.nextInt(JUNK.codePointCount(0, JUNK.length()))));
    return new String(Character.toChars(cp));
  }

  // =======================================================================================
  // Property values

  private enum Kind {
    POSITIVE_INT,
    NON_NEGATIVE_INT,
    INT,
    BOOLEAN,
    CHOICE,
    UUID,
    NON_EMPTY,
    FILE,
    FREE
  }

  /** What the test knows each documented property to be; others are inferred or free text. */
  private static final Map<String, Kind> KNOWN =
      Map.ofEntries(
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
      return Arrays.asList(p.choices).containsAll(List.of("true", "false"))
          ? Kind.BOOLEAN
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
    List<String> ints =
        List.of(
            "abc",
            "",
            " ",
            "1.5",
            "1e3",
            "0x10",
            "99999999999999999999",
            "-2147483649",
            "NaN",
            "\uD800",
            "12abc",
            "+-1",
            "1_000");
    return switch (kind) {
      case POSITIVE_INT -> concat(ints, List.of("0", "-1", "-2147483648"));
      case NON_NEGATIVE_INT -> concat(ints, List.of("-1", "-2147483648"));
      case INT -> ints;
      case BOOLEAN -> List.of("yes", "1", "", "truee", "\uD800", "t r u e", "null");
      case CHOICE -> List.of("", "bogus", "\uD800", "strict;text", "null", "x".repeat(10_000));
      case UUID ->
          List.of(
              "",
              "not-a-uuid",
              "123",
              "\uD800",
              "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
              "123e4567-e89b-12d3-a456-4266141740001234");
      case NON_EMPTY -> List.of("");
      case FILE -> List.of("", "/no/such/file.pem", "\u0000", "/", "x".repeat(10_000));
      case FREE -> List.of();
    };
  }

  /**
   * Every property getPropertyInfo lists, given invalid values (non-numbers and negatives for
   * numbers, unknown choices, empty strings, unpaired surrogates, 10,000 characters) through
   * Properties and through the URL: an SQLException that names the property. Then random and huge
   * values, valid or not: a working connection or an SQLException, nothing else.
   */
  @Test
  void fuzzedPropertyValuesNameThePropertyOrConnect(SparkConnectServer server) throws SQLException {
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
        String problem = checkProperty(server, p.name, value, random.nextBoolean(), false, secret);
        if (problem != null) {
          failures.add(problem);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "FuzzedUrlsAndPropertiesTest: %d property values in %.1f s" + " over %s; seed %d%n",
        tried,
        (System.nanoTime() - started) / 1e9,
        kinds,
        SEED);
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
  private static String checkProperty(
      SparkConnectServer server,
      String key,
      String value,
      boolean inUrl,
      boolean invalid,
      boolean secret) {
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
    return withinAttemptLimit(
        attempts,
        where,
        () -> {
          try (Connection c = DriverManager.getConnection(finalUrl, props)) {
            if (invalid) {
              return where + ": accepted an invalid value";
            }
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
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
  }

  // =======================================================================================
  // Helpers

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

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
