package dev.sparkjdbc.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's grammar accepts some SQL that Spark's parser rejects. Translated, such a statement
 * would answer where Spark reports an error; refused here, it goes to Spark as text and fails with
 * Spark's own error. Only the standard SQL and JDBC syntax the driver offers on purpose (escapes,
 * FETCH FIRST, SIMILAR TO, BETWEEN SYMMETRIC, quantified comparisons) is translated where Spark has
 * no such syntax.
 */
final class SparkRejects {
  private SparkRejects() {}

  /**
   * {@code CASE x WHEN 1, 2 THEN …}: Spark takes one value per WHEN. Calcite's parser makes a
   * simple CASE a searched one, and a WHEN list an IN, so the source text tells: {@code spelling}
   * of the whole CASE (empty when it spans lines, then not checked).
   */
  static void caseWhenList(org.apache.calcite.sql.fun.SqlCase c, String spelling) {
    List<String> words = leadingWords(spelling, 2);
    boolean simple =
        words.size() == 2 && words.get(0).equals("CASE") && !words.get(1).equals("WHEN");
    if (!simple) {
      return;
    }
    for (SqlNode when : c.getWhenOperands()) {
      if (when.getKind() == org.apache.calcite.sql.SqlKind.IN
          || when instanceof SqlNodeList list && list.size() != 1) {
        throw UnsupportedSqlException.of("CASE … WHEN with a list of values (not Spark SQL)", when);
      }
    }
  }

  /**
   * An unquoted name with letters beyond ASCII ({@code ä}): Spark asks for back-quotes
   * (INVALID_IDENTIFIER).
   */
  static void unquotedNonAscii(SqlIdentifier id) {
    for (int i = 0; i < id.names.size(); i++) {
      if (!id.isComponentQuoted(i) && !id.names.get(i).chars().allMatch(c -> c < 128)) {
        throw UnsupportedSqlException.of(
            "unquoted name "
                + id.names.get(i)
                + " with letters beyond ASCII (Spark: back-quote it)",
            id);
      }
    }
  }

  /**
   * A string literal with a prefix Spark does not have ({@code N'…'}, {@code _UTF8'…'}, {@code
   * U&'…'}); raw strings ({@code r'…'}) are Spark's own. {@code spelling} is its source text.
   */
  static void stringPrefix(SqlCharStringLiteral literal, String spelling) {
    if (spelling.isEmpty()) {
      return;
    }
    char first = spelling.charAt(0);
    if ((Character.isLetter(first) || first == '_') && first != 'r' && first != 'R') {
      throw UnsupportedSqlException.of("string literal prefix (not Spark SQL)", literal);
    }
  }

  /**
   * {@code 1e400}: beyond DOUBLE, which Spark's parser reports as out of range; {@code 1_000} and
   * {@code 0x1F}, which Spark reads as names. {@code spelling} is the literal's source text.
   */
  static void numberSpelling(SqlNumericLiteral n, String spelling) {
    if (spelling.indexOf('_') >= 0 || spelling.toLowerCase(Locale.ROOT).startsWith("0x")) {
      throw UnsupportedSqlException.of("number " + spelling + " (a name to Spark)", n);
    }
    if (!n.isExact()) {
      BigDecimal value = n.getValueAs(BigDecimal.class);
      if (Double.isInfinite(value.doubleValue())) {
        throw UnsupportedSqlException.of("numeric literal beyond DOUBLE's range", n);
      }
    }
  }

  /** {@code INTERVAL '100' DAY(3)}: Spark's interval units take no precision. */
  static void intervalPrecision(SqlIntervalQualifier q) {
    if (q.getStartPrecisionPreservingDefault()
            != org.apache.calcite.rel.type.RelDataType.PRECISION_NOT_SPECIFIED
        || q.getFractionalSecondPrecisionPreservingDefault()
            != org.apache.calcite.rel.type.RelDataType.PRECISION_NOT_SPECIFIED) {
      throw UnsupportedSqlException.of("INTERVAL unit with a precision (not Spark SQL)", q);
    }
  }

  /**
   * A type Spark's parser does not take: {@code DOUBLE PRECISION}, {@code CHAR}/{@code VARCHAR}
   * without a length (DATATYPE_MISSING_SIZE). {@code spelling} is the type's source text.
   */
  static void typeSpelling(SqlNode spec, SqlTypeName type, boolean hasPrecision, String spelling) {
    if (leadingWords(spelling, 2).equals(List.of("DOUBLE", "PRECISION"))) {
      throw UnsupportedSqlException.of("DOUBLE PRECISION (not Spark SQL)", spec);
    }
    if ((type == SqlTypeName.CHAR || type == SqlTypeName.VARCHAR) && !hasPrecision) {
      throw UnsupportedSqlException.of(type + " without a length (Spark requires one)", spec);
    }
  }

  /**
   * {@code OVER (w ROWS …)}: Spark's parser lets a window name be refined with ORDER BY, not with a
   * frame.
   */
  static void refinedNamedWindow(SqlWindow w) {
    if (w.getRefName() != null && (w.getLowerBound() != null || w.getUpperBound() != null)) {
      throw UnsupportedSqlException.of("a named window refined in OVER (not Spark SQL)", w);
    }
  }

  /**
   * {@code s LIKE ALL (…)} and {@code LIKE SOME/ANY}: Spark's quantified LIKE, which goes as text.
   */
  static boolean quantifiedLike(SqlNode pattern) {
    return pattern instanceof SqlBasicCall call
        && call.getOperator() instanceof SqlUnresolvedFunction f
        && f.getSqlIdentifier() != null
        && f.getSqlIdentifier().isSimple()
        && List.of("ANY", "ALL", "SOME")
            .contains(f.getSqlIdentifier().getSimple().toUpperCase(Locale.ROOT));
  }

  /**
   * The first {@code n} tokens of {@code spelling} that are not whitespace or comments, each as a
   * keyword (upper-cased; empty for a token that is not a word), read by the one SQL lexer.
   */
  private static List<String> leadingWords(String spelling, int n) {
    SqlLexer lexer = SqlLexer.of(spelling, TranslationConfig.Quoting.BACK_TICK);
    List<String> words = new java.util.ArrayList<>(n);
    for (SqlLexer.Token t = lexer.nextToken();
        t != null && words.size() < n;
        t = lexer.nextToken()) {
      if (!t.isBlank()) {
        words.add(t.keyword(spelling));
      }
    }
    return words;
  }
}
