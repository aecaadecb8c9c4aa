package dev.sparkjdbc.plan;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Thrown by the translators' default cases: the whole statement then goes to Spark as SQL text (or
 * fails in strict mode). Never caught half way, so a partial translation is never sent.
 */
final class UnsupportedSqlException extends RuntimeException {
  private final transient SqlParserPos position;
  private final boolean noSparkMeaning;

  UnsupportedSqlException(String construct, SqlParserPos position) {
    this(construct, position, false);
  }

  private UnsupportedSqlException(String construct, SqlParserPos position, boolean noSparkMeaning) {
    super(construct, null, false, false);
    this.position = position == null ? SqlParserPos.ZERO : position;
    this.noSparkMeaning = noSparkMeaning;
  }

  static UnsupportedSqlException of(String construct, SqlNode node) {
    return new UnsupportedSqlException(construct, node == null ? null : node.getParserPosition());
  }

  /**
   * A JDBC escape whose meaning Spark cannot give in any form: refused in every translation mode,
   * since sending the text would send Spark something else (or nothing it reads).
   */
  static UnsupportedSqlException noSparkMeaning(String reason, SqlNode node) {
    return new UnsupportedSqlException(
        reason, node == null ? null : node.getParserPosition(), true);
  }

  boolean noSparkMeaning() {
    return noSparkMeaning;
  }

  SqlParserPos position() {
    return position;
  }
}
