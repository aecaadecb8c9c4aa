package dev.sparkjdbc.plan;

import java.util.List;

/**
 * What the parser needs done to a statement's tokens ({@link SqlLexer}) before it reads them: the
 * trailing semicolons and comments go, and braces left in it are found. JDBC escapes are already
 * Spark SQL by now ({@link EscapeRewriter}); Spark's own literals (raw strings, TIMESTAMP_NTZ) are
 * the grammar's.
 */
final class SqlPreprocessor {
  private SqlPreprocessor() {}

  /**
   * The text to parse; {@code braces} when a brace is left, which Spark SQL does not have: a JDBC
   * escape that was not rewritten (escape processing off), or a stray one; {@code notSpark} names
   * syntax Calcite reads but Spark's parser rejects (MySQL's {@code LIMIT offset, count}), or is
   * null.
   */
  record Result(String sql, boolean braces, String notSpark) {}

  static Result normalise(String sql, TranslationConfig.Quoting quoting) {
    List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, quoting);
    int end = 0;
    boolean braces = false;
    String notSpark = null;
    SqlLexer.Token before = null;
    SqlLexer.Token last = null;
    for (SqlLexer.Token t : tokens) {
      if (t.isBlank()) {
        continue;
      }
      braces |= t.isSymbol(sql, '{') || t.isSymbol(sql, '}');
      if (t.isSymbol(sql, ',')
          && before != null
          && before.keyword(sql).equals("LIMIT")
          && (last.kind() == SqlLexer.Kind.NUMBER || last.kind() == SqlLexer.Kind.MARKER)) {
        notSpark = "LIMIT offset, count";
      }
      before = last;
      last = t;
      if (!t.isSymbol(sql, ';')) {
        end = t.end();
      }
    }
    // Nothing but blanks: left as it is, for the parser to say so.
    return new Result(end == 0 ? sql : sql.substring(0, end), braces, notSpark);
  }
}
