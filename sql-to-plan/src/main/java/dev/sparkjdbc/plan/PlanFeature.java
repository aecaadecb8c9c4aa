package dev.sparkjdbc.plan;

/**
 * Plan elements the translator emits that older Spark Connect servers do not understand. A {@link
 * Translation} lists those its plan uses; a client that learns its server lacks one sends the
 * statement as SQL text instead (see the driver's {@code ServerCapabilities} and {@code
 * docs/compatibility.md}). Everything the translator emits that is not listed here is understood by
 * Spark Connect 4.0 and later.
 */
public enum PlanFeature {
  /**
   * {@code x IN (SELECT …)} as a {@code SubqueryExpression} of type {@code SUBQUERY_TYPE_IN} with
   * {@code in_subquery_values} (Spark 4.2 has it; a Spark 4.0 server refuses the plan).
   */
  IN_SUBQUERY,
  /**
   * A literal whose exact type only {@code Literal.data_type} states (Spark 4.1 and later; a 4.0
   * server ignores the field and types the literal by its value alone): an INTERVAL literal with
   * other fields than Spark's defaults YEAR TO MONTH and DAY TO SECOND, e.g. {@code INTERVAL '3'
   * DAY}, which would otherwise become {@code INTERVAL DAY TO SECOND} and so change the type of
   * {@code DATE '2024-01-01' + INTERVAL '3' DAY} from DATE to TIMESTAMP.
   */
  LITERAL_DATA_TYPE,
  /**
   * {@code GROUP BY ROLLUP (…)} or {@code CUBE (…)} as an {@code Aggregate} of that group type
   * whose grouping keys carry the translator's names (Spark 4.2 matches the SELECT list's columns
   * to the named keys; Spark 4.0's analyzer does not, and fails with MISSING_AGGREGATION or
   * GROUPING_COLUMN_MISMATCH).
   */
  ROLLUP_CUBE
}
