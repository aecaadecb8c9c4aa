package dev.sparkjdbc.plan;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Thrown by the translators' default cases: the whole statement then goes to Spark as SQL text (or
 * fails in strict mode). Never caught half way, so a partial translation is never sent.
 */
final class UnsupportedSqlException extends RuntimeException {
  private final transient SqlParserPos position;

  UnsupportedSqlException(String construct, SqlParserPos position) {
    super(construct, null, false, false);
    this.position = position == null ? SqlParserPos.ZERO : position;
  }

  static UnsupportedSqlException of(String construct, SqlNode node) {
    return new UnsupportedSqlException(construct, node == null ? null : node.getParserPosition());
  }

  SqlParserPos position() {
    return position;
  }
}
