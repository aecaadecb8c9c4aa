package dev.sparkjdbc.plan;

import java.util.List;

/**
 * What the parser needs done to a statement's tokens ({@link SqlLexer}) before it reads them: the
 * trailing semicolons and comments go, and Spark-only syntax that Calcite would misread is found (a
 * reason to send the statement as text). JDBC escapes are already Spark SQL by now ({@link
 * EscapeRewriter}).
 */
final class SqlPreprocessor {
  private SqlPreprocessor() {}

  /**
   * The text to parse, and the Spark-only syntax it uses that Calcite would misread (raw strings,
   * TIMESTAMP_NTZ literals), or null; {@code braces} when a brace is left, which Spark SQL does not
   * have: a JDBC escape that was not rewritten (escape processing off), or a stray one.
   */
  record Result(String sql, String sparkOnly, boolean braces) {}

  static Result normalise(String sql, TranslationConfig.Quoting quoting) {
    List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, quoting);
    String sparkOnly = null;
    int end = 0;
    String previousWord = "";
    boolean braces = false;
    for (SqlLexer.Token t : tokens) {
      if (t.isBlank()) {
        continue;
      }
      if (t.kind() == SqlLexer.Kind.STRING) {
        char first = sql.charAt(t.start());
        if (first == 'r' || first == 'R') {
          sparkOnly = "raw string literal r'…'"; // no escapes inside; Calcite would misread it
        } else if (previousWord.equals("TIMESTAMP_NTZ") || previousWord.equals("TIMESTAMP_LTZ")) {
          sparkOnly = "TIMESTAMP_NTZ/TIMESTAMP_LTZ literal"; // Calcite reads it as a name
        }
      }
      braces |= t.isSymbol(sql, '{') || t.isSymbol(sql, '}');
      previousWord = t.keyword(sql);
      if (!t.isSymbol(sql, ';')) {
        end = t.end();
      }
    }
    // Nothing but blanks: left as it is, for the parser to say so.
    return new Result(end == 0 ? sql : sql.substring(0, end), sparkOnly, braces);
  }
}
