package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.plan.SqlStatement;
import dev.sparkjdbc.plan.TranslationConfig.Quoting;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.SQL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    if (arguments.isEmpty() && quoting == Quoting.BACK_TICK) {
      return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql)).build();
    }
    SqlStatement statement = SqlStatement.of(sql, quoting);
    Set<Integer> bare = statement.bareLiteralMarkers();
    List<String> literals = new ArrayList<>(arguments.size());
    for (int i = 0; i < arguments.size(); i++) {
      Expression argument = arguments.get(i);
      literals.add(bare.contains(i + 1) ? SqlLiterals.bare(argument) : SqlLiterals.of(argument));
    }
    // with ANSI quoting, "names" become `names`: Spark would read them as strings
    String text = statement.forSpark(i -> literals.get(i - 1));
    return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(text)).build();
  }
}
