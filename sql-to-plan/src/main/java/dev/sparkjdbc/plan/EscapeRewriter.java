package dev.sparkjdbc.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the JDBC escapes of a statement (JDBC 4.3 §13.4) into the Spark SQL they stand for, by
 * its tokens ({@link SqlLexer}), so that every statement, translated or sent as text, reads the
 * same Spark SQL: {@code {d '…'}} becomes {@code DATE '…'}, {@code {ts '…'}} {@code TIMESTAMP '…'},
 * {@code {t '…'}} {@code CAST('…' AS TIME)} (what the translator has always made of it), the braces
 * of {@code {oj …}} go, {@code {escape 'c'}} becomes {@code ESCAPE 'c'}, {@code {limit n [offset
 * m]}} {@code LIMIT n [OFFSET m]}, and {@code {fn name(args)}} whatever {@link JdbcFunctions} makes
 * of the name and its arguments (escapes inside them rewritten first). Escapes inside strings,
 * quoted names and comments are text, not escapes.
 *
 * <p>Spark SQL has no braces: an escape it would not understand is refused here with its position
 * rather than sent. Spark has no procedures: {@code {call …}} and {@code {? = call …}} are refused
 * as unsupported.
 */
public final class EscapeRewriter {
  /** Escapes nest (a function in a function's argument); this deep is no longer a real query. */
  private static final int MAX_DEPTH = 256;

  /** Where {@link #copy} stops: at the end of the text, of an escape, or of a function argument. */
  private enum Until {
    END,
    CLOSING_BRACE,
    ARGUMENT_END
  }

  private final String sql;
  private final SqlLexer lexer;
  private int depth;

  private EscapeRewriter(String sql, TranslationConfig.Quoting quoting) {
    this.sql = sql;
    this.lexer = SqlLexer.of(sql, quoting);
  }

  /**
   * {@code sql} with its JDBC escapes rewritten into Spark SQL; text without escapes comes back as
   * it is.
   *
   * @throws SqlTranslationException a syntax error (SQLSTATE 42601) for an unknown or unterminated
   *     escape, naming where it starts; refused in every mode (0A000) for {@code {call …}}; or what
   *     {@link JdbcFunctions#toSpark} throws for a function
   */
  public static String rewrite(String sql, TranslationConfig.Quoting quoting)
      throws SqlTranslationException {
    if (sql.indexOf('{') < 0) {
      return sql; // no escape can start anywhere
    }
    EscapeRewriter rewriter = new EscapeRewriter(sql, quoting);
    StringBuilder out = new StringBuilder(sql.length() + 16);
    rewriter.copy(out, Until.END);
    return out.toString();
  }

  /**
   * {@code sql} rewritten, with its parameter markers in order; {@code markerSources[i]} is the
   * marker of {@code sql} that the rewritten text's marker {@code i} stands for (a function such as
   * {@code {fn IFNULL(?, 0)}} may use an argument twice), or null when the markers are the same.
   */
  public record Rewritten(String sql, int[] markerSources) {}

  private static final String MARKER_TAG = "__sparkjdbc_marker_";

  /** {@link #rewrite}, following each {@code ?} through functions that repeat an argument. */
  public static Rewritten rewriteMarked(String sql, TranslationConfig.Quoting quoting)
      throws SqlTranslationException {
    if (sql.indexOf('{') < 0 || sql.indexOf('?') < 0) {
      return new Rewritten(rewrite(sql, quoting), null);
    }
    // Each marker becomes a name no SQL uses, which templates copy like any argument text.
    StringBuilder tagged = new StringBuilder(sql.length() + 32);
    int count = 0;
    for (SqlLexer.Token t : SqlLexer.tokens(sql, quoting)) {
      tagged.append(t.kind() == SqlLexer.Kind.MARKER ? MARKER_TAG + count++ + "__" : t.text(sql));
    }
    String rewritten = rewrite(tagged.toString(), quoting);
    StringBuilder out = new StringBuilder(rewritten.length());
    List<Integer> sources = new ArrayList<>();
    for (SqlLexer.Token t : SqlLexer.tokens(rewritten, quoting)) {
      String text = t.text(rewritten);
      if (t.kind() == SqlLexer.Kind.WORD && text.startsWith(MARKER_TAG) && text.endsWith("__")) {
        sources.add(Integer.parseInt(text.substring(MARKER_TAG.length(), text.length() - 2)));
        out.append('?');
      } else {
        out.append(text);
      }
    }
    boolean same = sources.size() == count;
    for (int i = 0; same && i < count; i++) {
      same = sources.get(i) == i;
    }
    return new Rewritten(
        out.toString(), same ? null : sources.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Copies tokens into {@code out}, rewriting the escapes among them, up to the token that ends
   * {@code until}: returned, consumed and not copied; null at the end of the text. Inside a
   * function argument, comments become a blank (a {@code --} comment would hide the closing
   * parenthesis of the call the argument goes into) and parentheses and brackets nest.
   */
  private SqlLexer.Token copy(StringBuilder out, Until until) throws SqlTranslationException {
    int nesting = 0;
    for (SqlLexer.Token t = lexer.nextToken(); t != null; t = lexer.nextToken()) {
      if (t.isSymbol(sql, '{')) {
        escape(out, t);
        continue;
      }
      if (until == Until.CLOSING_BRACE && t.isSymbol(sql, '}')) {
        return t;
      }
      if (until == Until.ARGUMENT_END) {
        if (t.isSymbol(sql, '}')) {
          return t; // the caller reports the missing ')'
        }
        if (nesting == 0 && (t.isSymbol(sql, ',') || t.isSymbol(sql, ')'))) {
          return t;
        }
        if (t.isSymbol(sql, '(') || t.isSymbol(sql, '[')) {
          nesting++;
        } else if (t.isSymbol(sql, ')') || t.isSymbol(sql, ']')) {
          nesting--;
        }
        if (t.kind() == SqlLexer.Kind.COMMENT) {
          append(out, " ");
          continue;
        }
      }
      append(out, t.text(sql));
    }
    return null;
  }

  /** One escape, from its opening brace {@code open} (already read) to its closing one. */
  private void escape(StringBuilder out, SqlLexer.Token open) throws SqlTranslationException {
    if (++depth > MAX_DEPTH) {
      throw syntaxError("JDBC escapes nested more than " + MAX_DEPTH + " deep", open);
    }
    SqlLexer.Token keyword = nextSignificant();
    if (keyword != null && keyword.kind() == SqlLexer.Kind.MARKER) {
      SqlLexer.Token equals = nextSignificant();
      if (equals != null && equals.isSymbol(sql, '=')) {
        throw procedureCall(open);
      }
      throw syntaxError("Unknown JDBC escape", open);
    }
    String word = keyword == null ? "" : keyword.keyword(sql);
    switch (word) {
      case "D" -> append(out, "DATE " + literal(open));
      case "TS" -> append(out, "TIMESTAMP " + literal(open));
      case "T" -> append(out, "CAST(" + literal(open) + " AS TIME)");
      case "FN" -> append(out, function(open));
      case "OJ" -> append(out, rest(open));
      case "LIMIT" -> append(out, "LIMIT" + rest(open));
      case "ESCAPE" -> append(out, "ESCAPE " + escapeCharacter(open));
      case "CALL" -> throw procedureCall(open);
      default ->
          throw syntaxError(
              keyword == null ? "Unterminated JDBC escape" : "Unknown JDBC escape", open);
    }
    depth--;
  }

  /** The string literal of {@code {d '…'}}, {@code {t '…'}}, {@code {ts '…'}}, and the brace. */
  private String literal(SqlLexer.Token open) throws SqlTranslationException {
    SqlLexer.Token value = nextSignificant();
    if (value == null || value.kind() != SqlLexer.Kind.STRING) {
      throw syntaxError("A JDBC date, time or timestamp escape needs a string literal", open);
    }
    closingBrace(open);
    return value.text(sql);
  }

  /**
   * {@code {escape 'c'}}: JDBC writes the character raw, so {@code '\'} is a backslash here, not
   * the start of an escaped quote: written again as the Spark literal of that character. Anything
   * else must be a string literal, which goes as it is.
   */
  private String escapeCharacter(SqlLexer.Token open) throws SqlTranslationException {
    skipBlanks();
    int at = lexer.position();
    String literal;
    if (at + 2 < sql.length()
        && sql.charAt(at) == '\''
        && sql.charAt(at + 2) == '\''
        && !Character.isSurrogate(sql.charAt(at + 1))) {
      char c = sql.charAt(at + 1);
      literal = c == '\\' || c == '\'' ? "'\\" + c + "'" : "'" + c + "'";
      // a quote may also be written doubled, as SQL does: four quotes
      lexer.moveTo(c == '\'' && sql.startsWith("''''", at) ? at + 4 : at + 3);
    } else {
      SqlLexer.Token value = lexer.nextToken();
      if (value == null || value.kind() != SqlLexer.Kind.STRING) {
        throw syntaxError("{escape …} needs the escape character as a string literal", open);
      }
      literal = value.text(sql);
    }
    closingBrace(open);
    return literal;
  }

  /** The rest of {@code {oj …}} or {@code {limit …}} up to its brace, escapes inside rewritten. */
  private String rest(SqlLexer.Token open) throws SqlTranslationException {
    StringBuilder inner = new StringBuilder();
    if (copy(inner, Until.CLOSING_BRACE) == null) {
      throw syntaxError("Unterminated JDBC escape", open);
    }
    return inner.toString();
  }

  /**
   * {@code {fn name(arg, …)}}: the arguments split at their top-level commas, each rewritten and
   * without the blanks around it, then {@link JdbcFunctions#toSpark}.
   */
  private String function(SqlLexer.Token open) throws SqlTranslationException {
    SqlLexer.Token name = nextSignificant();
    if (name == null || name.kind() != SqlLexer.Kind.WORD) {
      throw syntaxError("{fn …} needs a function name", open);
    }
    SqlLexer.Token paren = nextSignificant();
    if (paren == null || !paren.isSymbol(sql, '(')) {
      throw syntaxError("{fn " + name.text(sql) + "} needs its arguments in parentheses", open);
    }
    List<String> args = new ArrayList<>();
    while (true) {
      StringBuilder arg = new StringBuilder();
      SqlLexer.Token end = copy(arg, Until.ARGUMENT_END);
      if (end == null || end.isSymbol(sql, '}')) {
        throw syntaxError("{fn " + name.text(sql) + "(…} misses its closing parenthesis", open);
      }
      String text = trim(arg);
      if (end.isSymbol(sql, ')')) {
        if (!args.isEmpty() || !text.isEmpty()) {
          args.add(text);
        }
        break;
      }
      args.add(text);
    }
    closingBrace(open);
    return JdbcFunctions.toSpark(name.text(sql), args);
  }

  private void closingBrace(SqlLexer.Token open) throws SqlTranslationException {
    SqlLexer.Token close = nextSignificant();
    if (close == null || !close.isSymbol(sql, '}')) {
      throw syntaxError("Unterminated JDBC escape", open);
    }
  }

  /** The next token that is not whitespace or a comment, or null at the end. */
  private SqlLexer.Token nextSignificant() {
    for (SqlLexer.Token t = lexer.nextToken(); t != null; t = lexer.nextToken()) {
      if (!t.isBlank()) {
        return t;
      }
    }
    return null;
  }

  /** Moves past whitespace and comments, to where the next token that means something starts. */
  private void skipBlanks() {
    int at = lexer.position();
    for (SqlLexer.Token t = lexer.nextToken(); t != null && t.isBlank(); t = lexer.nextToken()) {
      at = t.end();
    }
    lexer.moveTo(at);
  }

  /**
   * Appends {@code text}, with a blank where a removed escape would otherwise glue two tokens into
   * one ({@code SELECT{d '…'}}, {@code {oj t}WHERE}) or make a comment of two operators. Tokens
   * copied from the text never need one: the lexer would not have split them.
   */
  private static void append(StringBuilder out, String text) {
    if (!text.isEmpty() && out.length() > 0) {
      char last = out.charAt(out.length() - 1);
      char first = text.charAt(0);
      if ((isWordChar(last) && isWordChar(first))
          || (last == '-' && first == '-')
          || (last == '/' && first == '*')
          || (last == '*' && first == '/')) {
        out.append(' ');
      }
    }
    out.append(text);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || Character.isSurrogate(c);
  }

  private static String trim(CharSequence text) {
    int from = 0;
    int to = text.length();
    while (from < to && SqlLexer.isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && SqlLexer.isSpace(text.charAt(to - 1))) {
      to--;
    }
    return text.subSequence(from, to).toString();
  }

  private SqlTranslationException syntaxError(String message, SqlLexer.Token open) {
    int[] at = lineAndColumn(open.start());
    return new SqlTranslationException(message, at[0], at[1], true, null);
  }

  private SqlTranslationException procedureCall(SqlLexer.Token open) {
    int[] at = lineAndColumn(open.start());
    return new SqlTranslationException(
        "Spark has no stored procedures: the JDBC escape {call …} cannot run",
        at[0],
        at[1],
        false,
        true,
        null);
  }

  /** 1-based line and column of {@code offset}, as the parser's messages give them. */
  private int[] lineAndColumn(int offset) {
    int line = 1;
    int lineStart = 0;
    for (int k = 0; k < offset; k++) {
      if (sql.charAt(k) == '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
