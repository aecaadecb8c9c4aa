package dev.sparkjdbc.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into tokens by Spark's lexical rules ({@code SqlBaseLexer.g4}), for everything in
 * the driver that must know where a string, a comment or a parameter marker starts and ends: the
 * one scanner of SQL text. It never fails: text that is not valid SQL (an unterminated string or
 * comment) still becomes tokens, which end with the text, and the server reports the error.
 *
 * <p>Spark's rules followed here (Spark 4.1 and later; 4.0 reads {@code 'a''b'} as two adjacent
 * strings, which covers the same characters): {@code '…'} strings with backslash escapes and {@code
 * ''} for a quote; raw strings {@code r'…'} and {@code r"…"} without them; {@code "…"} is a string
 * like {@code '…'} (with {@code ""}) unless the quoting is ANSI, where it is an identifier with
 * {@code ""} for a quote (and {@code r"…"} is the name {@code r} before one); {@code `…`}
 * identifiers with {@code ``}; {@code --} comments to the end of the line, continued by a backslash
 * before the line break; {@code /* … *}{@code /} comments, which nest, except {@code /*+} which
 * opens a hint whose content is tokens; {@code ?} parameter markers; words of Unicode letters
 * (surrogate pairs included), ASCII digits and {@code _}; Spark's whitespace characters.
 */
public final class SqlLexer {
  /** What a token is. */
  public enum Kind {
    WHITESPACE,
    COMMENT,
    /** A name or a keyword: letters, digits and {@code _}, starting with a letter or {@code _}. */
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    /** {@code ?}. */
    MARKER,
    /** Any other character: operators and punctuation, one character each. */
    SYMBOL
  }

  /** A token: its kind and where it lies in the text, {@code [start, end)}. */
  public record Token(Kind kind, int start, int end) {
    public String text(String sql) {
      return sql.substring(start, end);
    }

    /** The word upper-cased, for keyword comparisons; empty for any other kind. */
    public String keyword(String sql) {
      return kind == Kind.WORD ? text(sql).toUpperCase(Locale.ROOT) : "";
    }

    public boolean isSymbol(String sql, char c) {
      return kind == Kind.SYMBOL && sql.charAt(start) == c;
    }

    /** Whitespace and comments: what lies between the tokens that mean something. */
    public boolean isBlank() {
      return kind == Kind.WHITESPACE || kind == Kind.COMMENT;
    }
  }

  private final String sql;
  private final boolean ansiQuotes;
  private int i;

  private SqlLexer(String sql, TranslationConfig.Quoting quoting) {
    this.sql = sql;
    this.ansiQuotes = quoting == TranslationConfig.Quoting.DOUBLE_QUOTE;
  }

  /** Every token of {@code sql}, in order; together they cover the whole text. */
  public static List<Token> tokens(String sql, TranslationConfig.Quoting quoting) {
    SqlLexer lexer = of(sql, quoting);
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t != null; t = lexer.nextToken()) {
      tokens.add(t);
    }
    return tokens;
  }

  /** A lexer reading {@code sql} one token at a time, for callers that need only the first few. */
  public static SqlLexer of(String sql, TranslationConfig.Quoting quoting) {
    return new SqlLexer(sql, quoting);
  }

  /** Continues reading at {@code offset}, which must be where a token starts. */
  public void moveTo(int offset) {
    i = offset;
  }

  /** Where the next token starts. */
  public int position() {
    return i;
  }

  /** The next token, or null at the end of the text. */
  public Token nextToken() {
    if (i >= sql.length()) {
      return null;
    }
    int start = i;
    Kind kind = next();
    return new Token(kind, start, i);
  }

  /** Reads one token from {@code i}, leaving {@code i} after it. */
  private Kind next() {
    char c = sql.charAt(i);
    if (isSpace(c)) {
      while (i < sql.length() && isSpace(sql.charAt(i))) {
        i++;
      }
      return Kind.WHITESPACE;
    }
    if (sql.startsWith("--", i)) {
      lineComment();
      return Kind.COMMENT;
    }
    if (sql.startsWith("/*", i) && !sql.startsWith("/*+", i)) {
      blockComment();
      return Kind.COMMENT;
    }
    if ((c == 'r' || c == 'R') && i + 1 < sql.length() && isStringQuote(sql.charAt(i + 1))) {
      i++;
      quoted(sql.charAt(i), false, false);
      return Kind.STRING;
    }
    if (c == '\'' || (c == '"' && !ansiQuotes)) {
      quoted(c, true, true);
      return Kind.STRING;
    }
    if (c == '`' || c == '"') {
      quoted(c, false, true);
      return Kind.QUOTED_IDENTIFIER;
    }
    if (Character.isLetter(sql.codePointAt(i)) || c == '_') {
      int start = i;
      wordChars();
      if (sql.startsWith("://", i) && isLetters(start, i)) {
        uriPath();
      }
      return Kind.WORD;
    }
    if (isDigit(c) || (c == '.' && i + 1 < sql.length() && isDigit(sql.charAt(i + 1)))) {
      number();
      return Kind.NUMBER;
    }
    i += Character.charCount(sql.codePointAt(i));
    return c == '?' ? Kind.MARKER : Kind.SYMBOL;
  }

  /** Spark's WS rule: ASCII blanks and the Unicode spaces it lists (no-break spaces included). */
  static boolean isSpace(char c) {
    switch (c) {
      case ' ',
          '\t',
          '\n',
          '\f',
          '\r',
          '\u000B',
          '\u00A0',
          '\u1680',
          '\u2028',
          '\u202F',
          '\u205F',
          '\u3000' -> {
        return true;
      }
      default -> {
        return c >= '\u2000' && c <= '\u200A';
      }
    }
  }

  /** Spark's DIGIT: ASCII only; other scripts' digits are not part of words or numbers. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private boolean isLetters(int from, int to) {
    for (int k = from; k < to; k += Character.charCount(sql.codePointAt(k))) {
      if (!Character.isLetter(sql.codePointAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Spark reads {@code letters://path} as one identifier (to report it as an invalid one), so a
   * {@code ?} in such a path is not a marker.
   */
  private void uriPath() {
    i += 3;
    while (i < sql.length()) {
      int cp = sql.codePointAt(i);
      if (Character.isLetter(cp)
          || cp < 128 && (isDigit((char) cp) || "_/-.?=&#%".indexOf(cp) >= 0)) {
        i += Character.charCount(cp);
      } else {
        return;
      }
    }
  }

  /** {@code --} to the end of the line; a backslash right before the line break continues it. */
  private void lineComment() {
    int n = sql.length();
    i += 2;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == '\n') {
        i += 2;
      } else if (c == '\n' || c == '\r') {
        return;
      } else {
        i++;
      }
    }
  }

  private boolean isStringQuote(char c) {
    return c == '\'' || (c == '"' && !ansiQuotes);
  }

  /**
   * A quoted run from the quote at {@code i}: with backslash escapes (strings) or with the quote
   * doubled for itself (identifiers). Unterminated: to the end of the text.
   */
  private void quoted(char quote, boolean backslashEscapes, boolean doubledQuote) {
    int n = sql.length();
    i++;
    while (i < n) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (doubledQuote && i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          i++;
          return;
        }
      } else {
        i++;
      }
    }
    i = n;
  }

  /**
   * Spark's bracketed comments nest: {@code /* a /* b *}{@code / c *}{@code /} is one. Inside one,
   * {@code /*+} opens no nested comment (Spark's rule declines a comment before {@code +}).
   * Unterminated: to the end of the text.
   */
  private void blockComment() {
    int depth = 0;
    int n = sql.length();
    while (i < n) {
      if (sql.startsWith("/*", i) && !sql.startsWith("/*+", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return;
        }
      } else {
        i++;
      }
    }
  }

  /** Unicode letters (a surrogate pair is one character), ASCII digits and {@code _}. */
  private void wordChars() {
    while (i < sql.length()) {
      int cp = sql.codePointAt(i);
      if (Character.isLetter(cp) || cp == '_' || cp < 128 && isDigit((char) cp)) {
        i += Character.charCount(cp);
      } else {
        return;
      }
    }
  }

  /** Digits, a fraction, an exponent, and a suffix such as {@code L} or {@code BD}. */
  private void number() {
    int n = sql.length();
    while (i < n && (isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
      i++;
    }
    if (i < n
        && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')
        && i + 1 < n
        && (isDigit(sql.charAt(i + 1))
            || ((sql.charAt(i + 1) == '+' || sql.charAt(i + 1) == '-')
                && i + 2 < n
                && isDigit(sql.charAt(i + 2))))) {
      i += 2;
      while (i < n && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    wordChars();
  }
}
