package dev.sparkjdbc.plan.parser;

/**
 * Token tests behind the Spark grammar's semantic lookaheads (hooked into Calcite's template by the
 * build, see the pom). Plain static methods: JavaCC also evaluates a lookahead inside its scan
 * routines, which cannot throw the ParseException a grammar-defined method declares.
 */
final class SparkTokens implements SparkSqlParserImplConstants {
  private SparkTokens() {}

  /**
   * {@code exists(} followed by something other than a query: Spark's higher-order function {@code
   * exists(array, x -> …)}, not the EXISTS predicate.
   */
  static boolean existsFunction(int first, int second, int third) {
    if (first != EXISTS || second != LPAREN) {
      return false;
    }
    return switch (third) {
      case SELECT, WITH, VALUES, TABLE, FROM, LPAREN -> false;
      default -> true;
    };
  }

  /**
   * ALL standing alone as a GROUP BY or ORDER BY list (Spark's GROUP BY ALL, ORDER BY ALL): the
   * token after it ends the clause.
   */
  static boolean allAlone(int first, int second) {
    if (first != ALL) {
      return false;
    }
    return switch (second) {
      case EOF,
          SEMICOLON,
          RPAREN,
          HAVING,
          WINDOW,
          QUALIFY,
          ORDER,
          LIMIT,
          OFFSET,
          FETCH,
          UNION,
          EXCEPT,
          INTERSECT,
          ASC,
          DESC,
          NULLS ->
          true;
      default -> false;
    };
  }
}
