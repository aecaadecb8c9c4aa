package dev.sparkjdbc.tck.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BinScript;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.TestSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline's metadata commands ({@code !dbinfo}, {@code !tables}, {@code !columns}, {@code
 * !typeinfo}, {@code !procedures}) run in-process with CSV output against the server; the rows they
 * print are those of the DDL.
 */
@ExtendWith(SparkConnectServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqllineMetadataTest {
  private final String schema = TestSchemas.unique("meta_sqlline");
  private final String table = TestSchemas.unique("sqlt");
  private final String view = TestSchemas.unique("sqlv");
  private String url;

  @BeforeAll
  void createObjects(SparkConnectServer server) throws SQLException {
    BinScript.requireBash(); // bin/sql is a bash script
    url = server.url();
    try (Connection c = DriverManager.getConnection(url)) {
      TestSchemas.execute(
          c,
          "CREATE SCHEMA " + schema,
          "CREATE TABLE "
              + schema
              + "."
              + table
              + " (id INT, name STRING, price DECIMAL(10,2)) USING parquet",
          "CREATE VIEW " + schema + "." + view + " AS SELECT id FROM " + schema + "." + table);
    }
  }

  @AfterAll
  void dropObjects() {
    TestSchemas.dropQuietly(url, schema);
  }

  /**
   * Runs one command through the project's shell, {@code bin/sql -u URL --outputformat=csv -f
   * script}, exactly as a user would, and returns the lines it printed on stdout.
   */
  private List<String> sqlline(Path dir, String command) throws Exception {
    Path script = Files.createTempFile(dir, "command", ".sql");
    Files.write(script, List.of(command), StandardCharsets.UTF_8);
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    Path out = dir.resolve("stdout-" + System.nanoTime());
    Path err = dir.resolve("stderr-" + System.nanoTime());
    ProcessBuilder builder =
        new ProcessBuilder(
                root.resolve("bin/sql").toString(),
                "-u",
                url,
                "-n",
                "sqlline",
                "-p",
                "",
                "--outputformat=csv",
                "-f",
                script.toString())
            .directory(root.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // The reactor built what bin/sql runs; a build of its own would rewrite jars under test.
    builder.environment().put("SPARKJDBC_BUILD", "never");
    Process process = builder.start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("bin/sql finished %s", command).isTrue();
    String error = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue())
        .as("bin/sql exit code of %s; stderr:%n%s", command, error)
        .isZero();
    assertThat(error).as("bin/sql stderr of %s", command).doesNotContain("Exception");
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  /** sqlline's CSV: values in single quotes, a quote inside doubled. */
  static List<String> csv(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
          value.append('\'');
          i++;
        } else if (ch == '\'') {
          quoted = false;
        } else {
          value.append(ch);
        }
      } else if (ch == '\'') {
        quoted = true;
      } else if (ch == ',') {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(ch);
      }
    }
    values.add(value.toString());
    return values;
  }

  /** The CSV rows of a command's output: header first, as label → value maps. */
  private static List<Map<String, String>> table(List<String> output) {
    List<String> lines = output.stream().filter(l -> l.startsWith("'")).toList();
    assertThat(lines).as("CSV output with a header").isNotEmpty();
    List<String> header = csv(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> values = csv(line);
      assertThat(values).as("values of %s", line).hasSameSizeAs(header);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void metadataCommandsPrintTheServersObjects(@TempDir Path dir) throws Exception {
    List<String> dbinfo = sqlline(dir, "!dbinfo");
    assertThat(dbinfo)
        .anyMatch(l -> l.matches("getDatabaseProductName\\s+Apache Spark"))
        .anyMatch(l -> l.matches("getDatabaseProductVersion\\s+4\\..*"))
        .anyMatch(l -> l.matches("getIdentifierQuoteString\\s+`"))
        .anyMatch(l -> l.matches("getSearchStringEscape\\s+\\\\"))
        .anyMatch(l -> l.matches("supportsTransactions\\s+false"));

    List<Map<String, String>> tables = table(sqlline(dir, "!tables"));
    assertThat(tables)
        .filteredOn(r -> schema.equals(r.get("TABLE_SCHEM")))
        .extracting(r -> r.get("TABLE_CAT") + "." + r.get("TABLE_NAME") + ":" + r.get("TABLE_TYPE"))
        .containsExactlyInAnyOrder(
            TestSchemas.SESSION_CATALOG + "." + table + ":TABLE",
            TestSchemas.SESSION_CATALOG + "." + view + ":VIEW");

    List<Map<String, String>> columns = table(sqlline(dir, "!columns " + table));
    assertThat(columns)
        .extracting(r -> r.get("TABLE_SCHEM") + "." + r.get("TABLE_NAME"))
        .containsOnly(schema + "." + table);
    assertThat(columns)
        .extracting(
            r ->
                r.get("COLUMN_NAME")
                    + ":"
                    + r.get("DATA_TYPE")
                    + ":"
                    + r.get("TYPE_NAME")
                    + ":"
                    + r.get("ORDINAL_POSITION"))
        .containsExactly(
            "id:" + Types.INTEGER + ":INT:1",
            "name:" + Types.VARCHAR + ":STRING:2",
            "price:" + Types.DECIMAL + ":DECIMAL:3");
    assertThat(columns.get(2))
        .containsEntry("COLUMN_SIZE", "10")
        .containsEntry("DECIMAL_DIGITS", "2");

    List<Map<String, String>> types = table(sqlline(dir, "!typeinfo"));
    Map<String, String> typeCodes = new LinkedHashMap<>();
    types.forEach(r -> typeCodes.put(r.get("TYPE_NAME"), r.get("DATA_TYPE")));
    assertThat(typeCodes)
        .containsEntry("INT", String.valueOf(Types.INTEGER))
        .containsEntry("BIGINT", String.valueOf(Types.BIGINT))
        .containsEntry("DECIMAL", String.valueOf(Types.DECIMAL))
        .containsEntry("STRING", String.valueOf(Types.VARCHAR))
        .containsEntry("DATE", String.valueOf(Types.DATE))
        .containsEntry("TIMESTAMP", String.valueOf(Types.TIMESTAMP))
        .containsEntry("BOOLEAN", String.valueOf(Types.BOOLEAN))
        .containsKeys("ARRAY", "MAP", "STRUCT");

    List<String> procedures =
        sqlline(dir, "!procedures").stream().filter(l -> l.startsWith("'")).toList();
    assertThat(procedures).as("!procedures: a header and no rows").hasSize(1);
    assertThat(csv(procedures.get(0)))
        .startsWith("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME");
  }
}
