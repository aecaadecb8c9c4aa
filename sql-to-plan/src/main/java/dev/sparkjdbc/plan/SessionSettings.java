package dev.sparkjdbc.plan;

/**
 * The Spark session settings that change how Spark reads SQL text, as far as the translator must
 * follow them to build the plan Spark would build: the server applies everything else (ANSI
 * arithmetic and casts, string-to-number comparison, …) to plans and text alike.
 *
 * @param ansi {@code spark.sql.ansi.enabled} (Spark 4's default true); only together with it does
 *     {@code doubleQuotedIdentifiers} take effect
 * @param doubleQuotedIdentifiers {@code spark.sql.ansi.doubleQuotedIdentifiers}: {@code "x"} is a
 *     name, not a string; statements with a double quote then go as text
 * @param legacySetOpsPrecedence {@code spark.sql.legacy.setopsPrecedence.enabled}: INTERSECT binds
 *     no tighter than UNION and EXCEPT; a query where that matters goes as text
 * @param caseSensitive {@code spark.sql.caseSensitive}: CTE and window names match by case
 */
public record SessionSettings(
    boolean ansi,
    boolean doubleQuotedIdentifiers,
    boolean legacySetOpsPrecedence,
    boolean caseSensitive) {

  /** Spark 4's defaults. */
  public static final SessionSettings DEFAULT = new SessionSettings(true, false, false, false);

  /** True when Spark reads {@code "…"} as an identifier. */
  public boolean doubleQuotesAreNames() {
    return ansi && doubleQuotedIdentifiers;
  }
}
