package dev.sparkjdbc.plan;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;

/** Questions about nodes that only the Spark grammar (src/main/codegen) builds. */
final class SparkSyntax {
  private SparkSyntax() {}

  /**
   * A call of {@code any(…)}: the grammar reads ANY followed by a parenthesis as the aggregate,
   * also where Spark means a quantifier ({@code s LIKE ANY ('a%', 'b%')}).
   */
  static boolean isAnyCall(SqlNode node) {
    return node instanceof SqlBasicCall call
        && call.getOperator() instanceof SqlUnresolvedFunction f
        && f.getSqlIdentifier() != null
        && f.getSqlIdentifier().isSimple()
        && f.getSqlIdentifier().getSimple().equalsIgnoreCase("any");
  }

  private static final Set<String> UNIT_FIRST =
      Set.of(
          "TIMESTAMPADD",
          "DATEADD",
          "DATE_ADD",
          "TIMESTAMPDIFF",
          "DATEDIFF",
          "DATE_DIFF",
          "TIMEDIFF");

  private static final Set<String> UNITS =
      Set.of(
          "YEAR",
          "QUARTER",
          "MONTH",
          "WEEK",
          "DAY",
          "DAYOFYEAR",
          "HOUR",
          "MINUTE",
          "SECOND",
          "MILLISECOND",
          "MICROSECOND");

  /**
   * {@code datediff(DAY, a, b)}, {@code dateadd(MONTH, 1, d)} and their synonyms: Spark's parser
   * reads a leading unit as TimestampDiff/TimestampAdd syntax, while the Spark grammar here reads a
   * call of a function with a column named DAY. Such calls go as text.
   */
  static boolean hasLeadingDatetimeUnit(String name, SqlCall call) {
    if (!UNIT_FIRST.contains(name.toUpperCase(Locale.ROOT)) || call.operandCount() != 3) {
      return false;
    }
    SqlNode first = call.operand(0);
    return first instanceof SqlIntervalQualifier
        || first instanceof SqlIdentifier id
            && id.isSimple()
            && UNITS.contains(id.getSimple().toUpperCase(Locale.ROOT));
  }

  /**
   * GROUP BY ALL and ORDER BY ALL in an aggregate query go as text. Spark expands GROUP BY ALL into
   * the SELECT list's non-aggregate items only when no input column is named ALL, which the
   * translator cannot know, and Connect's Aggregate would output the unresolvable ALL as a column.
   * ORDER BY ALL sorts by every output column, and the translator sorts an aggregate before it
   * drops its extra key columns. (ORDER BY ALL elsewhere reaches Spark as Spark's parser builds it:
   * a sort on a column named ALL, which Spark's analyzer expands.)
   */
  static void refuseAllInAggregate(SqlSelect s, SqlNodeList order) {
    if (s.getGroup() != null && s.getGroup().size() == 1 && isAll(s.getGroup().get(0))) {
      throw UnsupportedSqlException.of("GROUP BY ALL", s.getGroup());
    }
    if (order != null) {
      for (SqlNode item : order) {
        SqlNode key = item;
        while (key instanceof SqlCall c
            && (c.getKind() == org.apache.calcite.sql.SqlKind.DESCENDING
                || c.getKind() == org.apache.calcite.sql.SqlKind.NULLS_FIRST
                || c.getKind() == org.apache.calcite.sql.SqlKind.NULLS_LAST)) {
          key = c.operand(0);
        }
        if (isAll(key)) {
          throw UnsupportedSqlException.of("ORDER BY ALL in an aggregate query", item);
        }
      }
    }
  }

  private static boolean isAll(SqlNode node) {
    return node instanceof SqlIdentifier id
        && id.isSimple()
        && id.getSimple().equalsIgnoreCase("ALL");
  }
}
