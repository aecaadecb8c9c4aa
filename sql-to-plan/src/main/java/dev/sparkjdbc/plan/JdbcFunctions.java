package dev.sparkjdbc.plan;

import java.util.List;
import java.util.Locale;

/**
 * The JDBC escape functions ({@code {fn name(args)}}, JDBC 4.3 appendix D) as Spark SQL text, so
 * that the escape rewriter can replace an escape by an expression Spark reads with the spec's
 * meaning and result type, in every statement.
 *
 * <p>Skeleton: the table is being filled in; until then every name passes through unchanged.
 */
public final class JdbcFunctions {
  private JdbcFunctions() {}

  /**
   * Spark SQL text for {@code {fn name(args)}}. {@code args} are the argument texts, already
   * rewritten (escapes inside them replaced), without surrounding whitespace. A name the table does
   * not list passes through as a call of that name, so Spark's own functions work inside {@code
   * {fn}} too.
   *
   * @throws SqlTranslationException when a listed function gets the wrong number of arguments or
   *     Spark has no meaning for it
   */
  public static String toSpark(String name, List<String> args) throws SqlTranslationException {
    return name.toLowerCase(Locale.ROOT) + "(" + String.join(", ", args) + ")";
  }

  /**
   * The comma-separated lists {@code DatabaseMetaData} reports: exactly the functions that work.
   */
  public static String numericFunctions() {
    return "";
  }

  public static String stringFunctions() {
    return "";
  }

  public static String timeDateFunctions() {
    return "";
  }

  public static String systemFunctions() {
    return "";
  }
}
