package dev.sparkjdbc.plan;

/**
 * A query that strict mode refuses: it names the construct the translator cannot express and where
 * it stands in the statement (1-based line and column; 0 when unknown).
 */
public final class SqlTranslationException extends Exception {
  private final int line;
  private final int column;
  private final boolean syntaxError;

  SqlTranslationException(
      String message, int line, int column, boolean syntaxError, Throwable cause) {
    super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
    this.line = line;
    this.column = column;
    this.syntaxError = syntaxError;
  }

  /** True when the SQL did not parse; false when it parsed but uses an untranslatable construct. */
  public boolean isSyntaxError() {
    return syntaxError;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
