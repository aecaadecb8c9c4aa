package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.plan.SqlStatement;
import dev.sparkjdbc.plan.TranslationConfig.Quoting;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.SQL;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A statement sent to Spark as SQL text, with its parameter values bound by name. */
public final class SqlTextRelation {
  private static final String PARAMETER_PREFIX = "__sparkjdbc_p";

  private SqlTextRelation() {}

  /**
   * SQL text with parameter values as Spark's parameters: the markers are renamed {@code
   * :__sparkjdbc_pN} and the values bound by name. (Spark 4.2 binds long statements' positional
   * parameters out of order; named binding is exact.) A value with a target type (setObject) goes
   * as the argument, its CAST into the text: Spark takes literals as arguments, not a CAST.
   */
  public static Relation of(String sql, List<Expression> arguments, Quoting quoting) {
    if (arguments.isEmpty()) {
      return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(sql)).build();
    }
    SQL.Builder text = SQL.newBuilder();
    String query =
        SqlStatement.of(sql, quoting)
            .withMarkers(
                i -> {
                  String name = PARAMETER_PREFIX + i;
                  Expression argument = arguments.get(i - 1);
                  if (!argument.hasCast()) {
                    text.putNamedArguments(name, argument);
                    return ":" + name;
                  }
                  Expression.Cast cast = argument.getCast();
                  text.putNamedArguments(name, cast.getExpr());
                  String type =
                      cast.hasType() ? SparkTypeNames.sqlName(cast.getType()) : cast.getTypeStr();
                  return "CAST(:" + name + " AS " + type + ")";
                });
    return Relation.newBuilder().setSql(text.setQuery(query)).build();
  }

  /**
   * SQL text with parameter values written into it as SQL ({@link SqlLiterals}), for statements
   * Spark's parameter binding does not reach: Delta Lake's commands take no named parameters.
   */
  public static Relation inlined(String sql, List<Expression> arguments, Quoting quoting)
      throws SQLException {
    if (arguments.isEmpty()) {
      return of(sql, arguments, quoting);
    }
    List<String> literals = new ArrayList<>(arguments.size());
    for (Expression argument : arguments) {
      literals.add(SqlLiterals.of(argument));
    }
    String text = SqlStatement.of(sql, quoting).withMarkers(i -> literals.get(i - 1));
    return Relation.newBuilder().setSql(SQL.newBuilder().setQuery(text)).build();
  }
}
