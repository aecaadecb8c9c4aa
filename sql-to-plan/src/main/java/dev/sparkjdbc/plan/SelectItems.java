package dev.sparkjdbc.plan;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/** Ordinals in ORDER BY and GROUP BY, which name SELECT items by position. */
final class SelectItems {
  private SelectItems() {}

  /** ORDER BY n names the n-th SELECT item: its alias when it has one, else its expression. */
  static SqlNode replaceOrdinal(SqlNode item, List<SqlNode> items) {
    if (item instanceof SqlBasicCall call
        && (call.getKind() == SqlKind.DESCENDING
            || call.getKind() == SqlKind.NULLS_FIRST
            || call.getKind() == SqlKind.NULLS_LAST)) {
      SqlNode inner = replaceOrdinal(call.operand(0), items);
      return call.getOperator().createCall(call.getParserPosition(), inner);
    }
    if (items.stream().anyMatch(i -> i instanceof SqlIdentifier id && id.isStar())) {
      return item; // Spark reads an integer sort key as an ordinal of the expanded list itself
    }
    return ordinal(item)
        .map(
            n -> {
              SqlNode selected = selectItem(items, n, item);
              if (selected.getKind() == SqlKind.AS) {
                return (SqlNode) ((SqlCall) selected).operand(1);
              }
              return selected;
            })
        .orElse(item);
  }

  static Optional<Integer> ordinal(SqlNode node) {
    if (node instanceof SqlNumericLiteral n && n.isInteger()) {
      return Optional.of(n.intValue(true));
    }
    return Optional.empty();
  }

  static SqlNode selectItem(List<SqlNode> items, int ordinal, SqlNode at) {
    for (SqlNode item : items) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        throw UnsupportedSqlException.of("ordinal " + ordinal + " over a SELECT list with *", at);
      }
    }
    if (ordinal < 1 || ordinal > items.size()) {
      throw UnsupportedSqlException.of("ordinal " + ordinal + " outside the SELECT list", at);
    }
    return items.get(ordinal - 1);
  }

  static SqlNode stripAlias(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }
}
