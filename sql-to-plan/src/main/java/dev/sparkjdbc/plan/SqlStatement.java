package dev.sparkjdbc.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What the driver needs to know of a statement's text before it runs, read from its tokens ({@link
 * SqlLexer}): its leading keyword, its {@code ?} markers, and the rows of an {@code INSERT …
 * VALUES}.
 */
public final class SqlStatement {
  private final String sql;
  private final List<SqlLexer.Token> tokens;
  private final TranslationConfig.Quoting quoting;

  private SqlStatement(String sql, List<SqlLexer.Token> tokens, TranslationConfig.Quoting quoting) {
    this.sql = sql;
    this.tokens = tokens;
    this.quoting = quoting;
  }

  public static SqlStatement of(String sql, TranslationConfig.Quoting quoting) {
    return new SqlStatement(sql, SqlLexer.tokens(sql, quoting), quoting);
  }

  /**
   * The first word after blanks, comments and opening parentheses, upper-cased ({@code SELECT},
   * {@code INSERT}…); empty when the statement starts otherwise. Reads only as far as that word.
   */
  public static String leadingKeyword(String sql, TranslationConfig.Quoting quoting) {
    SqlLexer lexer = SqlLexer.of(sql, quoting);
    for (SqlLexer.Token t = lexer.nextToken(); t != null; t = lexer.nextToken()) {
      if (!t.isBlank() && !t.isSymbol(sql, '(')) {
        return t.keyword(sql);
      }
    }
    return "";
  }

  public String leadingKeyword() {
    for (SqlLexer.Token t : tokens) {
      if (!t.isBlank() && !t.isSymbol(sql, '(')) {
        return t.keyword(sql);
      }
    }
    return "";
  }

  /** How many {@code ?} markers the statement has, outside strings, names and comments. */
  public int markerCount() {
    int count = 0;
    for (SqlLexer.Token t : tokens) {
      if (t.kind() == SqlLexer.Kind.MARKER) {
        count++;
      }
    }
    return count;
  }

  /**
   * The markers (1-based) where Spark's grammar takes only a bare literal, not an expression: the
   * version of {@code VERSION AS OF ?} and {@code SYSTEM_VERSION AS OF ?} (an integer or a string).
   */
  public Set<Integer> bareLiteralMarkers() {
    Set<Integer> out = new HashSet<>();
    String[] previous = new String[3]; // the last three words before this token, newest last
    int marker = 0;
    for (SqlLexer.Token t : tokens) {
      if (t.isBlank()) {
        continue;
      }
      if (t.kind() == SqlLexer.Kind.MARKER) {
        marker++;
        if ("OF".equals(previous[2])
            && "AS".equals(previous[1])
            && ("VERSION".equals(previous[0]) || "SYSTEM_VERSION".equals(previous[0]))) {
          out.add(marker);
        }
      }
      previous[0] = previous[1];
      previous[1] = previous[2];
      previous[2] = t.kind() == SqlLexer.Kind.WORD ? t.keyword(sql) : null;
    }
    return out;
  }

  /** The text with the i-th marker (1-based) replaced by {@code replacement.apply(i)}. */
  public String withMarkers(IntFunction<String> replacement) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int marker = 0;
    for (SqlLexer.Token t : tokens) {
      if (t.kind() == SqlLexer.Kind.MARKER) {
        out.append(replacement.apply(++marker));
      } else {
        out.append(sql, t.start(), t.end());
      }
    }
    return out.toString();
  }

  /**
   * The text as Spark's parser must read it, with the i-th marker replaced by {@code
   * replacement.apply(i)}: with ANSI quoting, each {@code "name"} becomes {@code `name`}, since
   * Spark reads a double-quoted run as a string. Unchanged otherwise.
   */
  public String forSpark(IntFunction<String> replacement) {
    if (quoting != TranslationConfig.Quoting.DOUBLE_QUOTE) {
      return withMarkers(replacement);
    }
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int marker = 0;
    for (SqlLexer.Token t : tokens) {
      if (t.kind() == SqlLexer.Kind.MARKER) {
        out.append(replacement.apply(++marker));
      } else if (t.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER && sql.charAt(t.start()) == '"') {
        out.append(namePart(t));
      } else {
        out.append(sql, t.start(), t.end());
      }
    }
    return out.toString();
  }

  /**
   * The number of rows an {@code INSERT [INTO|OVERWRITE] … VALUES row, row, …} writes: the
   * top-level items after its VALUES. Empty for any other statement, or where VALUES is not the
   * statement's own (an {@code INSERT … SELECT … FROM (VALUES …)} reads its rows from a query).
   */
  public OptionalLong insertValuesRows() {
    if (!leadingKeyword().equals("INSERT")) {
      return OptionalLong.empty();
    }
    int depth = 0;
    int values = -1;
    for (int k = 0; k < tokens.size(); k++) {
      SqlLexer.Token t = tokens.get(k);
      if (t.isSymbol(sql, '(')) {
        depth++;
      } else if (t.isSymbol(sql, ')')) {
        depth--;
      } else if (depth == 0 && t.kind() == SqlLexer.Kind.WORD) {
        String word = t.keyword(sql);
        if (word.equals("VALUES") && values < 0) {
          values = k;
        } else if (word.equals("SELECT") || word.equals("FROM") || word.equals("TABLE")) {
          return OptionalLong.empty(); // rows from a query
        }
      }
    }
    if (values < 0) {
      return OptionalLong.empty();
    }
    long rows = 1;
    depth = 0;
    boolean item = false;
    for (int k = values + 1; k < tokens.size(); k++) {
      SqlLexer.Token t = tokens.get(k);
      if (t.isBlank() || (depth == 0 && t.isSymbol(sql, ';'))) {
        continue;
      }
      if (t.isSymbol(sql, '(')) {
        depth++;
      } else if (t.isSymbol(sql, ')')) {
        depth--;
      } else if (depth == 0 && t.isSymbol(sql, ',')) {
        rows++;
        item = false;
        continue;
      }
      item = true;
    }
    return item ? OptionalLong.of(rows) : OptionalLong.empty();
  }

  /**
   * For {@code INSERT INTO [TABLE] name VALUES (?, …)}, one row of nothing but markers and no
   * column list, the table's name as Spark reads a multipart identifier: unquoted parts as written,
   * quoted ones back-quoted. Empty for any other statement.
   */
  public Optional<String> insertMarkersTable() {
    List<SqlLexer.Token> s = new ArrayList<>();
    for (SqlLexer.Token t : tokens) {
      if (!t.isBlank()) {
        s.add(t);
      }
    }
    while (!s.isEmpty() && s.get(s.size() - 1).isSymbol(sql, ';')) {
      s.remove(s.size() - 1);
    }
    int k = 0;
    if (s.size() < 6
        || !s.get(k++).keyword(sql).equals("INSERT")
        || !s.get(k++).keyword(sql).equals("INTO")) {
      return Optional.empty();
    }
    if (s.get(k).keyword(sql).equals("TABLE")) {
      k++;
    }
    StringBuilder name = new StringBuilder();
    while (true) {
      if (k >= s.size() || !isNamePart(s.get(k))) {
        return Optional.empty();
      }
      name.append(namePart(s.get(k++)));
      if (k < s.size() && s.get(k).isSymbol(sql, '.')) {
        name.append('.');
        k++;
      } else {
        break;
      }
    }
    if (k + 2 >= s.size()
        || !s.get(k++).keyword(sql).equals("VALUES")
        || !s.get(k++).isSymbol(sql, '(')) {
      return Optional.empty();
    }
    while (k + 1 < s.size() && s.get(k).kind() == SqlLexer.Kind.MARKER) {
      SqlLexer.Token after = s.get(k + 1);
      k += 2;
      if (after.isSymbol(sql, ')')) {
        return k == s.size() ? Optional.of(name.toString()) : Optional.empty();
      }
      if (!after.isSymbol(sql, ',')) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isNamePart(SqlLexer.Token t) {
    return t.kind() == SqlLexer.Kind.WORD || t.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER;
  }

  /**
   * A name part as Spark reads it: an ANSI {@code "a""b"} becomes {@code `a"b`}; an unterminated
   * one stays as it is, for Spark to report.
   */
  private String namePart(SqlLexer.Token t) {
    String text = t.text(sql);
    if (t.kind() != SqlLexer.Kind.QUOTED_IDENTIFIER
        || text.charAt(0) == '`'
        || !closedAnsiName(text)) {
      return text;
    }
    String inner = text.substring(1, text.length() - 1);
    return "`" + inner.replace("\"\"", "\"").replace("`", "``") + "`";
  }

  /** True when {@code "…"} ends with its closing quote, not with half of a doubled one. */
  private static boolean closedAnsiName(String text) {
    int k = 1;
    while (k < text.length()) {
      if (text.charAt(k) == '"') {
        if (k + 1 < text.length() && text.charAt(k + 1) == '"') {
          k += 2;
          continue;
        }
        return k == text.length() - 1;
      }
      k++;
    }
    return false;
  }
}
