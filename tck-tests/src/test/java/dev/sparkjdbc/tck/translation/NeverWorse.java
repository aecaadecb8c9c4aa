package dev.sparkjdbc.tck.translation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The "never worse, never different" rule for one statement: what the driver's default path gives
 * (translated when it can) against what the same SQL text gives when sent to Spark as text.
 *
 * <p>If the text succeeds, the default path must give the same labels, column types and values (in
 * order where the statement sorts); if the text fails, the default path must fail with the same
 * SQLSTATE and Spark error class; it must never answer where the text fails, except for the JDBC
 * client syntax the driver exists to accept and Spark's parser refuses (escapes, {@code FETCH
 * FIRST}, {@code OFFSET n ROWS}).
 */
final class NeverWorse {
  /** The outcome of the comparison; the last four break the rule. */
  enum Kind {
    SAME_ANSWER(null),
    SAME_ERROR(null),
    CLIENT_SYNTAX(null),
    DIFFERENT_ANSWER("different-answer"),
    TRANSLATED_ONLY_ERROR("translated-only-error"),
    ANSWERS_WHERE_SPARK_ERRORS("answers-where-spark-errors"),
    DIFFERENT_ERROR("different-error");

    /** The name in the known-failures list, or null for outcomes that keep the rule. */
    final String label;

    Kind(String label) {
      this.label = label;
    }

    boolean breaksRule() {
      return label != null;
    }

    static Kind ofLabel(String label) {
      for (Kind kind : values()) {
        if (label.equals(kind.label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown kind of failure: " + label);
    }
  }

  record Verdict(Kind kind, String detail, PathRun byDefault, PathRun asText) {}

  /**
   * Syntax of JDBC and standard SQL that the driver accepts on purpose, and Spark's parser does not
   * (docs/sql-translation.md): escapes, FETCH/OFFSET … ROWS, SIMILAR TO, BETWEEN SYMMETRIC and
   * quantified comparisons.
   */
  private static final Pattern CLIENT_SYNTAX =
      Pattern.compile(
          "(?is).*(\\{\\s*(fn|d|t|ts|oj|escape|call)\\b|\\bfetch\\s+(first|next)\\b"
              + "|\\boffset\\s+\\S+\\s+rows?\\b|\\bsimilar\\s+to\\b|\\bbetween\\s+symmetric\\b"
              + "|(=|<>|!=|<|>)\\s*(any|some|all)\\s*\\("
              + "|\\blocaltime(stamp)?\\b(?!\\s*\\()).*");

  /** Functions and clauses whose values change from run to run: only labels and types compare. */
  private static final Pattern NONDETERMINISTIC =
      Pattern.compile(
          "(?is).*\\b(rand|randn|random|uuid|shuffle|current_timestamp|current_time|now|curtime"
              + "|localtimestamp|current_date|curdate|monotonically_increasing_id"
              + "|spark_partition_id|input_file_name|tablesample|try_reflect|reflect)\\b.*");

  /** A plan's text differs in expression ids from run to run, and legitimately in its shape. */
  private static final Pattern EXPLAIN = Pattern.compile("(?is)\\s*\\(*\\s*explain\\b.*");

  private static final Pattern ORDER_BY = Pattern.compile("(?is).*\\border\\s+by\\b.*");

  private NeverWorse() {}

  static Verdict judge(String sql, PathRun byDefault, PathRun asText) {
    if (!asText.failed() && !byDefault.failed()) {
      String code = withoutComments(sql);
      QueryResult expected = asText.result();
      QueryResult actual = byDefault.result();
      if (NONDETERMINISTIC.matcher(code).matches() || EXPLAIN.matcher(code).matches()) {
        expected = shape(expected);
        actual = shape(actual);
      }
      String difference = expected.difference(actual, ORDER_BY.matcher(code).matches());
      return difference == null
          ? new Verdict(Kind.SAME_ANSWER, null, byDefault, asText)
          : new Verdict(Kind.DIFFERENT_ANSWER, difference, byDefault, asText);
    }
    if (!asText.failed()) {
      return new Verdict(
          Kind.TRANSLATED_ONLY_ERROR,
          "the text answers, the default path fails: " + byDefault.describeError(),
          byDefault,
          asText);
    }
    if (!byDefault.failed()) {
      // Spark rejects such syntax when it parses (42601), or reads `= SOME (1, 2)` as a call of
      // its some() aggregate with two arguments
      // (42605), and bare LOCALTIMESTAMP as a column name (42703)
      if (("42601".equals(asText.sqlState())
              || "42605".equals(asText.sqlState())
              || "42703".equals(asText.sqlState()))
          && CLIENT_SYNTAX.matcher(withoutComments(sql)).matches()) {
        return new Verdict(Kind.CLIENT_SYNTAX, null, byDefault, asText);
      }
      return new Verdict(
          Kind.ANSWERS_WHERE_SPARK_ERRORS,
          "the default path answers, the text fails: " + asText.describeError(),
          byDefault,
          asText);
    }
    if (Objects.equals(asText.sqlState(), byDefault.sqlState())
        && Objects.equals(asText.errorClass(), byDefault.errorClass())) {
      return new Verdict(Kind.SAME_ERROR, null, byDefault, asText);
    }
    return new Verdict(
        Kind.DIFFERENT_ERROR,
        "text fails with "
            + asText.describeError()
            + "; default path fails with "
            + byDefault.describeError(),
        byDefault,
        asText);
  }

  /** Labels and types, not the rows (a sample's row count changes too). */
  private static QueryResult shape(QueryResult result) {
    return new QueryResult(
        result.labels(), result.types(), result.typeNames(), List.of(), result.millis());
  }

  static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("--[^\\n]*", " ")
        .toLowerCase(Locale.ROOT);
  }
}
