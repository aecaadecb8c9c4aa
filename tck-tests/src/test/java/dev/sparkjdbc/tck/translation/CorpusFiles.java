package dev.sparkjdbc.tck.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the corpora's resource files: statements that each end with a semicolon at the end of a
 * line; whole-line {@code --} comments between them are dropped, text inside a statement is kept as
 * written.
 */
final class CorpusFiles {
  private CorpusFiles() {}

  static String resource(String name) {
    try (InputStream in = CorpusFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a file, in order, without their final semicolons. */
  static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (current.length() == 0 && (line.isBlank() || line.strip().startsWith("--"))) {
        continue;
      }
      String stripped = line.stripTrailing();
      if (stripped.endsWith(";")) {
        current.append(stripped, 0, stripped.length() - 1);
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("statement without a final semicolon: " + current);
    }
    return statements;
  }

  /**
   * Creates a corpus's fixed tables: drops and re-creates the given schemas, then runs the
   * resource's statements as text. Returns the time it took, in milliseconds.
   */
  static long createSchema(String serverUrl, String resource, String... schemas)
      throws SQLException {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(serverUrl + "/;translation_mode=text");
        Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        s.execute("CREATE SCHEMA " + schema);
      }
      for (String sql : statements(resource(resource))) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          throw new SQLException(resource + ": cannot run " + sql + ": " + e.getMessage(), e);
        }
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  static void dropSchemas(String serverUrl, String... schemas) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl + "/;translation_mode=text");
        Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
