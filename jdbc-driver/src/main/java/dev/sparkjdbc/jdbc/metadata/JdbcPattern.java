package dev.sparkjdbc.jdbc.metadata;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A JDBC search pattern ({@code %} any run, {@code _} one character, {@code \} escapes the next
 * character, as {@code getSearchStringEscape()} says) as a predicate. Spark folds unquoted names to
 * lower case, so matching ignores case. A null pattern matches everything.
 */
final class JdbcPattern {
  static final String ESCAPE = "\\";

  private JdbcPattern() {}

  static Predicate<String> of(String pattern) {
    if (pattern == null || pattern.equals("%")) {
      return name -> true;
    }
    // By code point: a character outside the BMP (an emoji in a column name) is one character
    // for '_' and must be quoted whole, not as two halves that match nothing.
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\' && i < pattern.length()) {
        int escaped = pattern.codePointAt(i);
        i += Character.charCount(escaped);
        regex.append(Pattern.quote(new String(Character.toChars(escaped))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(c))));
      }
    }
    Pattern p =
        Pattern.compile(
            regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CASE);
    return name -> name != null && p.matcher(name).matches();
  }

  /** The exact name a pattern stands for, or null when it has wildcards. */
  static String literal(String pattern) {
    if (pattern == null) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        name.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        return null;
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }
}
