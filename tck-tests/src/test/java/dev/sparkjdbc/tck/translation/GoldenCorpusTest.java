package dev.sparkjdbc.tck.translation;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement of sql-to-plan's golden corpus ({@code golden/<group>/<name>.sql}, read from that
 * module's test resources: system property {@code sparkjdbc.golden.dir}) under the never-worse rule
 * ({@link CorpusRunner}), over real tables that carry the names the statements use (resource {@code
 * corpora/schemas/golden.sql}, schemas {@code golden} and {@code db}). The golden plan files stay
 * the change detectors of the translation; this test shows what the plans give on Spark.
 *
 * <p>Statements that change what they run in (DDL, DML, SET, USE, CACHE …) run last, each side on a
 * fresh connection whose current schema is a scratch copy of {@code t} and {@code u}, so that
 * neither side sees the other's changes and the later statements see the fixture unchanged.
 */
@ExtendWith(SparkConnectServerExtension.class)
class GoldenCorpusTest {
  static final String CORPUS = "golden";
  private static final Set<String> CHANGING =
      Set.of(
          "alter",
          "analyze",
          "cache",
          "call",
          "create",
          "delete",
          "drop",
          "insert",
          "merge",
          "refresh",
          "set",
          "truncate",
          "uncache",
          "update",
          "use");

  private static String serverUrl;
  private static CorpusRunner runner;

  @BeforeAll
  static void createTables(SparkConnectServer server) throws SQLException {
    serverUrl = server.url();
    long setup = CorpusFiles.createSchema(serverUrl, "/corpora/schemas/golden.sql", "golden", "db");
    runner = new CorpusRunner(CORPUS, serverUrl, "golden", true, setup);
  }

  @AfterAll
  static void dropTables() throws SQLException {
    try {
      if (runner != null) {
        runner.close();
      }
    } finally {
      CorpusFiles.dropSchemas(serverUrl, "golden", "db");
    }
  }

  /** {@code group/name} of every golden statement: the queries first, then the changing ones. */
  static Stream<String> statements() throws IOException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      List<String> names = new ArrayList<>();
      files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.endsWith(".sql"))
          .map(n -> n.substring(0, n.length() - ".sql".length()))
          .forEach(names::add);
      names.sort(
          Comparator.comparing((String n) -> changesState(read(n)))
              .thenComparing(Comparator.naturalOrder()));
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void keepsTheNeverWorseRule(String name) throws SQLException {
    String sql = read(name);
    if (!changesState(sql)) {
      runner.check(name, sql);
      return;
    }
    String scratchDefault = TestSchemas.unique("golden_scratch");
    String scratchText = TestSchemas.unique("golden_scratch");
    try (Connection byDefault = scratch(scratchDefault, false);
        Connection asText = scratch(scratchText, true)) {
      runner.check(name, sql, byDefault, asText);
    } finally {
      CorpusFiles.dropSchemas(serverUrl, scratchDefault, scratchText);
    }
  }

  /** A fresh connection working in a new schema holding empty copies of t and u. */
  private static Connection scratch(String schema, boolean text) throws SQLException {
    try (Connection setup = CorpusRunner.connect(serverUrl, null, true);
        Statement s = setup.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("CREATE TABLE " + schema + ".t LIKE golden.t");
      s.execute("CREATE TABLE " + schema + ".u LIKE golden.u");
    }
    return CorpusRunner.connect(serverUrl, schema, text);
  }

  /** True for statements whose first word says they change tables or the session. */
  static boolean changesState(String sql) {
    String code = NeverWorse.withoutComments(sql).strip();
    int end = 0;
    while (end < code.length() && Character.isLetter(code.charAt(end))) {
      end++;
    }
    return CHANGING.contains(code.substring(0, end).toLowerCase(Locale.ROOT));
  }

  private static Path root() {
    String dir = System.getProperty("sparkjdbc.golden.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property sparkjdbc.golden.dir is not set: run this suite through Maven");
    }
    return Path.of(dir);
  }

  /** The statement as the golden test reads it: the whole file. */
  private static String read(String name) {
    try {
      return Files.readString(root().resolve(name + ".sql"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
