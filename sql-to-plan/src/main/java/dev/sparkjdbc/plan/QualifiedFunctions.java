package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.Expression;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlSelectKeyword;

/**
 * {@code system.builtin.abs(x)}, {@code spark_catalog.default.f(x)}: Spark's parser keeps every
 * part of the name. Connect parses a function name as a multi-part identifier only when it is
 * marked user-defined; otherwise the whole text would be one (unknown) name.
 */
final class QualifiedFunctions {
  private QualifiedFunctions() {}

  static Expression call(SqlIdentifier name, SqlCall call, List<Expression> arguments) {
    if (name.names.size() > 3) {
      throw UnsupportedSqlException.of("function name with more than 3 parts", call);
    }
    boolean distinct =
        call.getFunctionQuantifier() != null
            && call.getFunctionQuantifier().getValue() == SqlSelectKeyword.DISTINCT;
    return Expression.newBuilder()
        .setUnresolvedFunction(
            Expression.UnresolvedFunction.newBuilder()
                .setFunctionName(Names.quoted(name.names))
                .addAllArguments(arguments)
                .setIsDistinct(distinct)
                .setIsUserDefinedFunction(true))
        .build();
  }
}
