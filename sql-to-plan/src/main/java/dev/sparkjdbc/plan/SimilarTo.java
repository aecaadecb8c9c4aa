package dev.sparkjdbc.plan;

import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * The standard's {@code SIMILAR TO} pattern as a Java regular expression for Spark's {@code rlike}
 * (Spark has no SIMILAR TO). The pattern must match the whole value: {@code %} is any string,
 * {@code _} any character, {@code | * + ? {m,n} ( )} and bracket expressions keep their regex
 * meaning, every other character (also {@code . ^ $ \}) stands for itself, and the ESCAPE character
 * (none unless given) makes the next one literal. A pattern that is not a string literal goes to
 * Spark as text.
 */
final class SimilarTo {
  private SimilarTo() {}

  static String regex(SqlNode pattern, SqlNode escape) {
    String p = constant(pattern);
    Character esc = null;
    if (escape != null) {
      String e = constant(escape);
      if (e.length() != 1) {
        throw UnsupportedSqlException.of("SIMILAR TO escape that is not one character", escape);
      }
      esc = e.charAt(0);
    }
    StringBuilder out = new StringBuilder("(?s)^(?:");
    boolean inBracket = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (esc != null && c == esc) {
        if (++i >= p.length()) {
          throw UnsupportedSqlException.of("SIMILAR TO pattern ending in its escape", pattern);
        }
        literal(out, p.charAt(i));
      } else if (inBracket) {
        if (c == ']') {
          inBracket = false;
          out.append(c);
        } else if (c == '\\' || c == '[' || c == '&') {
          out.append('\\').append(c);
        } else {
          out.append(c);
        }
      } else {
        switch (c) {
          case '%' -> out.append(".*");
          case '_' -> out.append('.');
          case '|', '*', '+', '?', '{', '}', '(', ')' -> out.append(c);
          case '[' -> {
            inBracket = true;
            out.append(c);
            if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
              out.append('^');
              i++;
            }
            if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
              out.append("\\]"); // a leading ] is a member
              i++;
            }
          }
          default -> literal(out, c);
        }
      }
    }
    if (inBracket) {
      throw UnsupportedSqlException.of("SIMILAR TO pattern with an open bracket", pattern);
    }
    return out.append(")\\z").toString();
  }

  private static void literal(StringBuilder out, char c) {
    if (Character.isLetterOrDigit(c) || c == ' ' || c == '_') {
      out.append(c);
    } else {
      out.append('\\').append(c);
    }
  }

  private static String constant(SqlNode node) {
    if (node instanceof SqlCharStringLiteral s) {
      return Literals.of(s).getLiteral().getString();
    }
    throw UnsupportedSqlException.of(
        "SIMILAR TO with a pattern that is not a string literal", node);
  }
}
