package dev.sparkjdbc.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;

/**
 * Name mappings as data: SQL operators to the Spark functions Connect clients call, standard SQL
 * names to Spark's, and the aggregate functions that make a SELECT an aggregation.
 */
final class FunctionTable {
  private FunctionTable() {}

  /** Operators by Calcite kind; Spark registers these names as functions. */
  private static final Map<SqlKind, String> OPERATORS =
      Map.ofEntries(
          Map.entry(SqlKind.PLUS, "+"),
          Map.entry(SqlKind.MINUS, "-"),
          Map.entry(SqlKind.TIMES, "*"),
          Map.entry(SqlKind.DIVIDE, "/"),
          Map.entry(SqlKind.MOD, "%"),
          Map.entry(SqlKind.EQUALS, "=="),
          Map.entry(SqlKind.GREATER_THAN, ">"),
          Map.entry(SqlKind.GREATER_THAN_OR_EQUAL, ">="),
          Map.entry(SqlKind.LESS_THAN, "<"),
          Map.entry(SqlKind.LESS_THAN_OR_EQUAL, "<="),
          Map.entry(SqlKind.IS_NOT_DISTINCT_FROM, "<=>"),
          Map.entry(SqlKind.AND, "and"),
          Map.entry(SqlKind.OR, "or"),
          Map.entry(SqlKind.NOT, "not"),
          Map.entry(SqlKind.MINUS_PREFIX, "negative"),
          Map.entry(SqlKind.PLUS_PREFIX, "positive"),
          Map.entry(SqlKind.IS_NULL, "isnull"),
          Map.entry(SqlKind.IS_NOT_NULL, "isnotnull"),
          Map.entry(SqlKind.LIKE, "like"),
          Map.entry(SqlKind.BETWEEN, "between"),
          Map.entry(SqlKind.COALESCE, "coalesce"),
          Map.entry(SqlKind.NULLIF, "nullif"),
          Map.entry(SqlKind.GREATEST, "greatest"),
          Map.entry(SqlKind.LEAST, "least"),
          Map.entry(SqlKind.POSITION, "locate"), // Spark's parser reads POSITION(a IN b) as locate
          Map.entry(SqlKind.FLOOR, "floor"),
          Map.entry(SqlKind.CEIL, "ceil"));

  /**
   * Function names that differ in Spark: standard SQL spellings Calcite parses into its own
   * operators. Names not listed pass through unchanged (lower-cased), and Spark's analyzer resolves
   * them, as it would in the text. (JDBC escape functions never get here: {@link EscapeRewriter}
   * makes them Spark SQL before parsing.)
   */
  private static final Map<String, String> FUNCTIONS =
      Map.ofEntries(
          Map.entry("TRANSLATE3", "translate"), // Calcite's name for translate(s, from, to)
          // standard SQL spellings
          Map.entry("||", "concat"),
          Map.entry("CHARACTER", "char"),
          Map.entry("CURRENT_DATE", "current_date"),
          Map.entry("CURRENT_TIMESTAMP", "current_timestamp"),
          Map.entry("LOCALTIMESTAMP", "localtimestamp"),
          Map.entry("CURRENT_USER", "current_user"),
          Map.entry("STDDEV_SAMP", "stddev_samp"),
          Map.entry("VAR_SAMP", "var_samp"));

  /** Aggregate functions: their presence turns a SELECT into an aggregation. */
  private static final Set<String> AGGREGATES =
      Set.of(
          "count",
          "sum",
          "avg",
          "mean",
          "min",
          "max",
          "any_value",
          "first",
          "last",
          "first_value",
          "last_value",
          "stddev",
          "stddev_pop",
          "stddev_samp",
          "std",
          "variance",
          "var_pop",
          "var_samp",
          "collect_list",
          "collect_set",
          "array_agg",
          "count_if",
          "bool_and",
          "bool_or",
          "every",
          "some",
          "any",
          "corr",
          "covar_pop",
          "covar_samp",
          "percentile",
          "percentile_approx",
          "approx_percentile",
          "approx_count_distinct",
          "median",
          "mode",
          "skewness",
          "kurtosis",
          "max_by",
          "min_by",
          "string_agg",
          "listagg",
          "bit_and",
          "bit_or",
          "bit_xor",
          "histogram_numeric",
          "regr_count",
          "regr_avgx",
          "regr_avgy",
          "regr_slope",
          "regr_intercept",
          "regr_r2",
          "regr_sxx",
          "regr_sxy",
          "regr_syy",
          "grouping",
          "grouping_id",
          "count_min_sketch",
          "hll_sketch_agg",
          "hll_union_agg");

  static Optional<String> operator(SqlKind kind) {
    return Optional.ofNullable(OPERATORS.get(kind));
  }

  static String function(String sqlName) {
    String upper = sqlName.toUpperCase(Locale.ROOT);
    return FUNCTIONS.getOrDefault(upper, sqlName.toLowerCase(Locale.ROOT));
  }

  static boolean isAggregate(String sparkName) {
    return AGGREGATES.contains(sparkName);
  }
}
