package dev.sparkjdbc.jdbc.statement;

import dev.sparkjdbc.plan.TranslationConfig.Quoting;
import dev.sparkjdbc.proto.Command;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.LocalRelation;
import dev.sparkjdbc.proto.Plan;
import dev.sparkjdbc.proto.Project;
import dev.sparkjdbc.proto.Read;
import dev.sparkjdbc.proto.Relation;
import dev.sparkjdbc.proto.SqlCommand;
import dev.sparkjdbc.proto.WriteOperation;
import dev.sparkjdbc.types.SparkType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans the JDBC classes run, besides the translator's: a relation to stream, SQL text as a
 * query or as a command, the one-row answer of EXPLAIN, and a batch of rows appended to a table.
 */
public final class Plans {
  private Plans() {}

  /** A query: its rows stream back. */
  public static Plan query(Relation root) {
    return Plan.newBuilder().setRoot(root).build();
  }

  /** SQL text that is certainly a query, with its parameter values bound by name. */
  public static Plan textQuery(String sql, List<Expression> arguments, Quoting quoting)
      throws SQLException {
    return query(SqlTextRelation.of(sql, arguments, quoting));
  }

  /**
   * SQL text through Spark's command path, which runs commands (DDL, DML, SET…) eagerly and answers
   * with their output, or with the relation to stream for a query it did not run. Parameter values
   * are written into the text as SQL literals: Spark's named parameters do not reach every command
   * (Delta Lake's UPDATE, DELETE and MERGE refuse them).
   */
  public static Plan textCommand(String sql, List<Expression> arguments, Quoting quoting)
      throws SQLException {
    return Plan.newBuilder()
        .setCommand(
            Command.newBuilder()
                .setSqlCommand(
                    SqlCommand.newBuilder()
                        .setInput(
                            SqlTextRelation.of(sql, untypedDecimalNulls(arguments), quoting))))
        .build();
  }

  /**
   * A NULL for a JDBC DECIMAL has Spark's widest decimal type, DECIMAL(38,18), for want of a
   * precision. Among the rows of an {@code INSERT … VALUES} or a batch append that type would
   * become the rows' common type and round the other rows' digits past the 18th, or fail for a
   * column with more fraction digits. Where a statement's columns decide the types, the NULL goes
   * untyped instead.
   */
  static List<Expression> untypedDecimalNulls(List<Expression> values) {
    List<Expression> out = new ArrayList<>(values.size());
    for (Expression v : values) {
      boolean decimalNull =
          v.hasLiteral() && v.getLiteral().hasNull() && v.getLiteral().getNull().hasDecimal();
      out.add(decimalNull ? ParameterLiterals.nullOf(SparkType.NULL.defaultType()) : v);
    }
    return out;
  }

  /** One row with one column {@code plan}: the shape of Spark's own EXPLAIN output. */
  public static Plan explanation(String text) {
    Expression value =
        Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setString(text)).build();
    return query(
        Relation.newBuilder()
            .setProject(
                Project.newBuilder()
                    .addExpressions(
                        Expression.newBuilder()
                            .setAlias(
                                Expression.Alias.newBuilder().addName("plan").setExpr(value))))
            .build());
  }

  /**
   * Rows of parameter values appended to a table in one operation: Spark's {@code insertInto} of
   * {@code inline(array(struct(row values)…))}.
   */
  public static Plan appendRows(String table, List<List<Expression>> rows) {
    List<Expression> structs = new ArrayList<>(rows.size());
    for (List<Expression> row : rows) {
      structs.add(call("struct", untypedDecimalNulls(row)));
    }
    Relation values =
        Relation.newBuilder()
            .setProject(
                Project.newBuilder()
                    .addExpressions(call("inline", List.of(call("array", structs)))))
            .build();
    WriteOperation.SaveTable target =
        WriteOperation.SaveTable.newBuilder()
            .setTableName(table)
            .setSaveMethod(WriteOperation.SaveTable.TableSaveMethod.TABLE_SAVE_METHOD_INSERT_INTO)
            .build();
    return Plan.newBuilder()
        .setCommand(
            Command.newBuilder()
                .setWriteOperation(
                    WriteOperation.newBuilder()
                        .setInput(values)
                        .setTable(target)
                        .setMode(WriteOperation.SaveMode.SAVE_MODE_APPEND)))
        .build();
  }

  /** Reading a table by its quoted, qualified name: what the analyzer makes of it is its schema. */
  public static Plan readTable(String qualifiedName) {
    return query(
        Relation.newBuilder()
            .setRead(
                Read.newBuilder()
                    .setNamedTable(
                        Read.NamedTable.newBuilder().setUnparsedIdentifier(qualifiedName)))
            .build());
  }

  /** True for a command's answer that holds no rows at all (no data, or an empty one). */
  public static boolean isEmptyLocalRelation(Relation relation) {
    if (!relation.hasLocalRelation()) {
      return false;
    }
    LocalRelation local = relation.getLocalRelation();
    return !local.hasData() || local.getData().isEmpty();
  }

  static Expression call(String name, List<Expression> arguments) {
    return Expression.newBuilder()
        .setUnresolvedFunction(
            Expression.UnresolvedFunction.newBuilder()
                .setFunctionName(name)
                .addAllArguments(arguments))
        .build();
  }
}
