package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.SQL;
import dev.sparkjdbc.types.SparkTypeNames;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A statement sent to Spark as SQL text, with its parameter values bound by name. */
public final class SqlTextRelation {
  private static final String PARAMETER_PREFIX = "__sparkjdbc_p";

  private SqlTextRelation() {}

  /**
   * SQL text with parameter values as Spark's parameters: the markers are renamed {@code
   * :__sparkjdbc_pN} and the values bound by name. (Spark 4.2 binds long statements' positional
   * parameters out of order; named binding is exact.)
   */
  public static Relation of(String sql, List<Expression> arguments) {
    if (arguments.isEmpty()) {
      return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql)).build();
    }
    String query = SqlToPlan.namedParameterMarkers(sql, PARAMETER_PREFIX);
    SQL.Builder text = SQL.newBuilder();
    for (int i = 0; i < arguments.size(); i++) {
      String name = PARAMETER_PREFIX + (i + 1);
      Expression argument = arguments.get(i);
      if (argument.hasCast()) {
        // Spark's sql() takes literals (and array/map/struct calls) as arguments, not a CAST
        // (setObject with a target type): the value goes as the argument, the CAST into the
        // text. The marker names are the driver's own, so only its markers match.
        Expression.Cast cast = argument.getCast();
        String type = cast.hasType() ? SparkTypeNames.sqlName(cast.getType()) : cast.getTypeStr();
        query =
            Pattern.compile(":" + Pattern.quote(name) + "\\b")
                .matcher(query)
                .replaceAll(Matcher.quoteReplacement("CAST(:" + name + " AS " + type + ")"));
        argument = cast.getExpr();
      }
      text.putNamedArguments(name, argument);
    }
    return Relation.newBuilder().setSql(text.setQuery(query)).build();
  }
}
