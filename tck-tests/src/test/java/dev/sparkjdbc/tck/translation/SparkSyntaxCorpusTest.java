package dev.sparkjdbc.tck.translation;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark SQL written the way Spark users write it, grouped by grammar area (resources {@code
 * corpora/spark/<area>.sql}), under the never-worse rule ({@link CorpusRunner}): over {@code
 * range(…)}, VALUES and the small fixed schema of {@code corpora/schemas/spark.sql}. Statements
 * Spark rejects are part of the corpus ({@code errors.sql}): the default path must fail alike. Case
 * ids are {@code <area>:<n>}, the statement's position in its file.
 */
@ExtendWith(SparkConnectServerExtension.class)
class SparkSyntaxCorpusTest {
  static final String CORPUS = "spark";
  private static final String SCHEMA = "sparkcorpus";

  private static String serverUrl;
  private static CorpusRunner runner;

  @BeforeAll
  static void createTables(SparkConnectServer server) throws SQLException {
    serverUrl = server.url();
    long setup = CorpusFiles.createSchema(serverUrl, "/corpora/schemas/spark.sql", SCHEMA);
    runner = new CorpusRunner(CORPUS, serverUrl, SCHEMA, true, setup);
  }

  @AfterAll
  static void dropTables() throws SQLException {
    try {
      if (runner != null) {
        runner.close();
      }
    } finally {
      CorpusFiles.dropSchemas(serverUrl, SCHEMA);
    }
  }

  static Stream<Arguments> statements() throws IOException, URISyntaxException {
    URL url = SparkSyntaxCorpusTest.class.getResource("/corpora/spark");
    if (url == null) {
      throw new IllegalStateException("missing test resources /corpora/spark");
    }
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
        String area = file.getFileName().toString().replaceFirst("\\.sql$", "");
        List<String> statements =
            CorpusFiles.statements(CorpusFiles.resource("/corpora/spark/" + area + ".sql"));
        for (int i = 0; i < statements.size(); i++) {
          cases.add(Arguments.of(area + ":" + (i + 1), statements.get(i)));
        }
      }
    }
    if (cases.size() < 300) {
      throw new IllegalStateException("the Spark corpus has only " + cases.size() + " statements");
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statements")
  void keepsTheNeverWorseRule(String caseId, String sql) {
    runner.check(caseId, sql);
  }
}
