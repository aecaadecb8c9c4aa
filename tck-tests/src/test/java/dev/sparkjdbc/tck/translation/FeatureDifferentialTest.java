package dev.sparkjdbc.tck.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.tpch.TpchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One query per SQL feature the translator claims (resources {@code features/<group>/<name>.sql},
 * over the TPC-H SF 0.01 tables of {@link TpchDatabase}), each run translated by the driver ({@code
 * translation_mode=strict}: a query it cannot translate fails) and as SQL text ({@code
 * translation_mode=text}). Both must give the same column labels, JDBC types and type names, and
 * the same rows: in order when the query text says ORDER BY anywhere (so every query that does
 * sorts its outermost result completely), as multisets otherwise.
 *
 * <p>Client SQL that Spark's own parser rejects (JDBC escapes, {@code FETCH FIRST}, {@code OFFSET n
 * ROWS}) has a twin {@code <name>.spark.sql} holding the equivalent Spark SQL: the translated
 * {@code <name>.sql} is compared with the twin sent as text. Both alias every column, so that their
 * labels compare too.
 *
 * <p>A case may start with directives in comments. {@code -- set: key=value} runs {@code SET
 * key=value} on every connection before the query and {@code RESET key} after it: the translator
 * must follow the session's settings. {@code -- error: ERROR_CLASS} states that Spark fails on the
 * text with that error class; the query run in the default {@code translate} mode must then fail
 * with the same class (translated, or sent as text when the translator leaves Spark's error to
 * Spark).
 *
 * <p>Cases under {@code features/fallback/} are queries the translator leaves to Spark by design
 * (Spark-only syntax Calcite cannot parse): they run in the default {@code translate} mode, must be
 * reported as not translated, and must return what the SQL text returns.
 *
 * <p>Groups are those of sql-to-plan's golden corpus ({@code golden/<group>/<name>.sql}, the
 * expected plans), and a query that tests the same construct as a golden case has the same {@code
 * <group>/<name>}: the golden case shows the plan, this test shows that it gives Spark's answer.
 */
@ExtendWith(SparkConnectServerExtension.class)
class FeatureDifferentialTest {
  private static final String ROOT = "features";
  private static final String FALLBACK = "fallback/";
  private static final String SPARK_TWIN = ".spark.sql";

  private static final ExecutorService TEXT_SIDE =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "feature-differential-text");
            t.setDaemon(true);
            return t;
          });

  private static Connection text;
  private static Connection strict;
  private static Connection translate;

  @BeforeAll
  static void connect(SparkConnectServer server) throws SQLException {
    TpchDatabase db = TpchDatabase.on(server.url());
    text = db.connect("text");
    strict = db.connect("strict");
    translate = db.connect("translate");
  }

  @AfterAll
  static void disconnect() throws SQLException {
    TEXT_SIDE.shutdownNow();
    try (Connection a = text;
        Connection b = strict;
        Connection c = translate) {
      // closes all three
    }
  }

  /** Every {@code features/**}{@code /*.sql} except the Spark twins, as {@code group/name}. */
  static Stream<String> features() throws IOException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      List<String> names = new ArrayList<>();
      files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".sql") && !n.endsWith(SPARK_TWIN))
          .map(n -> n.substring(0, n.length() - ".sql".length()))
          .sorted()
          .forEach(names::add);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void translatedQueryReturnsWhatTheSqlTextReturns(String feature) throws IOException {
    Path root = root();
    String sql = read(root.resolve(feature + ".sql"));
    Path twin = root.resolve(feature + SPARK_TWIN);
    String sparkSql = Files.exists(twin) ? read(twin) : sql;
    boolean ordered = hasOrderBy(sql);
    List<String> settings = directives(sql, "set");
    List<String> errors = directives(sql, "error");
    for (String setting : settings) {
      for (Connection c : List.of(text, strict, translate)) {
        execute(c, "SET " + setting);
      }
    }
    try {
      if (!errors.isEmpty()) {
        assertSameError(feature, errors.get(0), sparkSql, sql);
        return;
      }
      compare(feature, sql, sparkSql, twin, ordered);
    } finally {
      for (String setting : settings) {
        String key = setting.substring(0, setting.indexOf('=')).strip();
        for (Connection c : List.of(text, strict, translate)) {
          execute(c, "RESET " + key);
        }
      }
    }
  }

  /** Spark fails on the text with {@code errorClass}, and so does the driver in translate mode. */
  private static void assertSameError(
      String feature, String errorClass, String sparkSql, String sql) {
    SQLException textFailure = null;
    try {
      run(text, sparkSql);
    } catch (SQLException e) {
      textFailure = e;
    }
    assertThat((Object) textFailure).as("%s: the SQL text fails on Spark", feature).isNotNull();
    assertThat(errorClass(textFailure))
        .as("%s: Spark's error class for the text (fix the case)", feature)
        .isEqualTo(errorClass);
    SQLException failure = null;
    try {
      run(translate, sql);
    } catch (SQLException e) {
      failure = e;
    }
    assertThat((Object) failure)
        .as("%s: the translate-mode run fails like the text", feature)
        .isNotNull();
    assertThat(errorClass(failure))
        .as("%s: error class in translate mode (%s)", feature, failure.getMessage())
        .isEqualTo(errorClass);
    assertThat(failure.getSQLState())
        .as("%s: SQLSTATE", feature)
        .isEqualTo(textFailure.getSQLState());
  }

  /** Spark's error class, which the driver's messages start with in brackets. */
  private static String errorClass(SQLException e) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\[([A-Z0-9_.]+)\\]")
            .matcher(String.valueOf(e.getMessage()));
    return m.find() ? m.group(1) : "(none: " + e.getMessage() + ")";
  }

  /** The values of {@code -- name: value} comment lines. */
  private static List<String> directives(String sql, String name) {
    List<String> values = new ArrayList<>();
    for (String line : sql.lines().toList()) {
      String l = line.strip();
      if (l.startsWith("-- " + name + ":")) {
        values.add(l.substring(("-- " + name + ":").length()).strip());
      }
    }
    return values;
  }

  private static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError(sql + " fails: " + e, e);
    }
  }

  private void compare(String feature, String sql, String sparkSql, Path twin, boolean ordered) {

    // The two sides run at the same time, each in its own session, to save wall time.
    CompletableFuture<Run> textRun =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return run(text, sparkSql);
              } catch (SQLException e) {
                throw new AssertionError(
                    feature + ": the SQL text fails on Spark itself (fix the query): " + e, e);
              }
            },
            TEXT_SIDE);
    Run actual = null;
    SQLException strictFailure = null;
    boolean fallback = feature.startsWith(FALLBACK);
    try {
      actual = run(fallback ? translate : strict, sql);
    } catch (SQLException e) {
      strictFailure = e;
    }
    QueryResult expected = textResult(textRun);
    System.out.printf(
        Locale.ROOT,
        "feature %-55s text %4d ms, strict %s, %d rows%n",
        feature,
        expected.millis(),
        actual == null ? "failed" : actual.result().millis() + " ms",
        expected.rows().size());
    String against = Files.exists(twin) ? " vs " + feature + SPARK_TWIN + " as text" : " vs text";

    if (fallback) {
      if (strictFailure != null) {
        throw new AssertionError(
            feature + ": the query fails in translate mode: " + strictFailure, strictFailure);
      }
      assertThat(actual.translated()).as("%s goes to Spark as text", feature).isFalse();
      assertThat(expected.difference(actual.result(), ordered))
          .as("%s: translate mode (falling back)%s", feature, against)
          .isNull();
      return;
    }
    if (strictFailure != null) {
      throw new AssertionError(
          feature + ": the strict (translated) run fails: " + strictFailure, strictFailure);
    }
    assertThat(actual.translated())
        .as("%s: the strict statement was translated into a Spark Connect plan", feature)
        .isTrue();
    assertThat(expected.difference(actual.result(), ordered))
        .as("%s: strict (translated)%s", feature, against)
        .isNull();
  }

  /** The text side's result; its failure is the query's fault, never the translator's. */
  private static QueryResult textResult(CompletableFuture<Run> textRun) {
    try {
      return textRun.join().result();
    } catch (CompletionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw e;
    }
  }

  private record Run(QueryResult result, boolean translated) {}

  /** Runs a query and reads it like {@link QueryResult#run}, keeping the statement's verdict. */
  private static Run run(Connection connection, String sql) throws SQLException {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      QueryResult result = QueryResult.read(rs, start);
      return new Run(
          result, statement.unwrap(SparkConnectStatementInfo.class).lastStatementTranslated());
    }
  }

  private static Path root() {
    URL url = FeatureDifferentialTest.class.getResource("/" + ROOT);
    if (url == null) {
      throw new IllegalStateException("missing test resources /" + ROOT);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file's query, without a trailing semicolon. */
  private static String read(Path file) {
    try {
      String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first line of the query that is not a comment, for messages. */
  private static String firstLine(String sql) {
    return sql.lines()
        .filter(l -> !l.isBlank() && !l.strip().startsWith("--"))
        .findFirst()
        .orElse(sql)
        .strip();
  }

  /** True when the query sorts: ORDER BY anywhere (outside comments) counts. */
  private static boolean hasOrderBy(String sql) {
    String code = sql.replaceAll("--[^\\n]*", " ").toLowerCase(Locale.ROOT);
    return code.matches("(?s).*\\border\\s+by\\b.*");
  }
}
