package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.plan.SqlStatement;
import dev.sparkjdbc.plan.TranslationConfig.Quoting;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.SQL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A statement sent to Spark as SQL text, with its parameter values written in as literals. */
public final class SqlTextRelation {

  private SqlTextRelation() {}

  /**
   * SQL text with its parameter values written into it as SQL literals ({@link SqlLiterals}), never
   * as the value's own text. Spark's named parameters are not used: with Delta Lake's SQL extension
   * on the server, Spark never binds them (its parser does not pass them on), for queries and
   * commands alike.
   */
  public static Relation of(String sql, List<Expression> arguments, Quoting quoting)
      throws SQLException {
    if (arguments.isEmpty()) {
      return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql)).build();
    }
    List<String> literals = new ArrayList<>(arguments.size());
    for (Expression argument : arguments) {
      literals.add(SqlLiterals.of(argument));
    }
    String text = SqlStatement.of(sql, quoting).withMarkers(i -> literals.get(i - 1));
    return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(text)).build();
  }
}
