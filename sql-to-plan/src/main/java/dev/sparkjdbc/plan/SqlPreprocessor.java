package dev.sparkjdbc.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A quote-aware pass over the text for what Calcite cannot parse but is cheap to normalise: JDBC
 * outer-join escapes {@code {oj …}} (the braces go), {@code {escape 'c'}} (becomes {@code ESCAPE
 * 'c'}), and trailing semicolons. String literals, quoted identifiers and comments pass through
 * untouched.
 */
final class SqlPreprocessor {
  private final String sql;
  private final char identifierQuote;
  private final StringBuilder out = new StringBuilder();

  /** One entry per open brace: true when the brace and its closing partner are dropped. */
  private final Deque<Boolean> braces = new ArrayDeque<>();

  private int i;
  private String sparkOnly;
  private static final Pattern TYPED_LITERAL =
      Pattern.compile("(?i)(^|[^A-Za-z0-9_])TIMESTAMP_(NTZ|LTZ)\\s*$");

  private SqlPreprocessor(String sql, char identifierQuote) {
    this.sql = sql;
    this.identifierQuote = identifierQuote;
  }

  /**
   * The normalised text, and the Spark-only syntax it uses that Calcite would misread (raw strings,
   * TIMESTAMP_NTZ literals), or null.
   */
  record Result(String sql, String sparkOnly) {}

  static Result normalise(String sql, TranslationConfig.Quoting quoting) {
    char quote = quoting == TranslationConfig.Quoting.BACK_TICK ? '`' : '"';
    SqlPreprocessor p = new SqlPreprocessor(sql, quote);
    String text = p.run();
    return new Result(text, p.sparkOnly);
  }

  private String run() {
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == identifierQuote || (c == '"' && identifierQuote == '`')) {
        if (c != identifierQuote
            && i > 0
            && (sql.charAt(i - 1) == 'r' || sql.charAt(i - 1) == 'R')
            && (i < 2
                || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_')) {
          sparkOnly = "raw string literal r'…'"; // no escapes inside; Calcite would misread it
        }
        if (c == '\''
            && TYPED_LITERAL
                .matcher(out.subSequence(Math.max(0, out.length() - 32), out.length()))
                .find()) {
          sparkOnly = "TIMESTAMP_NTZ/TIMESTAMP_LTZ literal"; // Calcite reads it as a name
        }
        copyQuoted(c);
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        copyTo(eol < 0 ? n : eol + 1);
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        copyTo(end < 0 ? n : end + 2);
      } else if (c == '{') {
        openBrace();
      } else if (c == '}' && !braces.isEmpty()) {
        if (!braces.pop()) {
          out.append(c);
        }
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return stripTrailingSemicolons(out);
  }

  private void openBrace() {
    int j = i + 1;
    while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
      j++;
    }
    String word = keyword(j);
    if (word.equals("OJ")) {
      braces.push(true);
      i = j + 2;
    } else if (word.equals("ESCAPE")) {
      braces.push(true);
      i = j + 6;
      escapeClause();
    } else {
      braces.push(false);
      out.append('{');
      i++;
    }
  }

  /**
   * {@code {escape 'c'}}: JDBC writes the escape character raw, so {@code '\\'} is a backslash
   * here, not the start of an escaped quote. Re-emit it as a Spark string literal.
   */
  private void escapeClause() {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    if (i + 2 < sql.length() && sql.charAt(i) == '\'' && sql.charAt(i + 2) == '\'') {
      char c = sql.charAt(i + 1);
      out.append("ESCAPE '")
          .append(c == '\\' ? "\\\\" : c == '\'' ? "''" : String.valueOf(c))
          .append('\'');
      i += 3;
    } else {
      out.append("ESCAPE ");
    }
  }

  private String keyword(int from) {
    int end = from;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return sql.substring(from, end).toUpperCase(Locale.ROOT);
  }

  /** Copies a quoted run; a doubled quote inside stays part of it. */
  private void copyQuoted(char quote) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        j++;
        break;
      }
      if (sql.charAt(j) == '\\' && quote == '\'') {
        j++; // Spark strings allow backslash escapes
      }
      j++;
    }
    copyTo(Math.min(j, sql.length()));
  }

  private void copyTo(int end) {
    out.append(sql, i, end);
    i = end;
  }

  private static String stripTrailingSemicolons(StringBuilder s) {
    int end = s.length();
    while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == ';')) {
      end--;
    }
    return s.substring(0, end);
  }
}
