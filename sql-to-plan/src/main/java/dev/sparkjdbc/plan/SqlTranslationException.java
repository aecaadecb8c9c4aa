package dev.sparkjdbc.plan;

/**
 * A query that strict mode refuses: it names the construct the translator cannot express and where
 * it stands in the statement (1-based line and column; 0 when unknown).
 */
public final class SqlTranslationException extends Exception {
  private final int line;
  private final int column;
  private final boolean syntaxError;
  private final boolean inEveryMode;

  SqlTranslationException(
      String message, int line, int column, boolean syntaxError, Throwable cause) {
    this(message, line, column, syntaxError, false, cause);
  }

  SqlTranslationException(
      String message,
      int line,
      int column,
      boolean syntaxError,
      boolean inEveryMode,
      Throwable cause) {
    super(message + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
    this.line = line;
    this.column = column;
    this.syntaxError = syntaxError;
    this.inEveryMode = inEveryMode;
  }

  /**
   * True for a statement refused in every translation mode: a JDBC escape Spark has no meaning for,
   * so that no text could stand in for it. False for strict mode's refusals.
   */
  public boolean inEveryMode() {
    return inEveryMode;
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
