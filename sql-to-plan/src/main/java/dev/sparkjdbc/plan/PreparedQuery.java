package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.AnalyzePlanRequest.Explain.ExplainMode;
import dev.sparkjdbc.proto.Expression;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A statement parsed once, translated again for each set of parameter values: what a JDBC {@code
 * PreparedStatement} holds. Statements that go to Spark as text carry that decision.
 */
public final class PreparedQuery {
  private final SqlToPlan translator;
  private final SqlNode node;
  private final String text;
  private final String sql;
  private final Translation fixed;
  private final ExplainMode explainMode;
  private final int parameterCount;

  private PreparedQuery(
      SqlToPlan translator,
      SqlNode node,
      String text,
      String sql,
      Translation fixed,
      ExplainMode explainMode,
      int parameterCount) {
    this.translator = translator;
    this.node = node;
    this.text = text;
    this.sql = sql;
    this.fixed = fixed;
    this.explainMode = explainMode;
    this.parameterCount = parameterCount;
  }

  static PreparedQuery fixed(
      Translation translation, String sql, TranslationConfig.Quoting quoting) {
    return new PreparedQuery(
        null, null, null, sql, translation, null, SqlStatement.of(sql, quoting).markerCount());
  }

  static PreparedQuery parsed(SqlToPlan translator, SqlNode node, String text, String sql) {
    int[] max = {0};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlDynamicParam param) {
            max[0] = Math.max(max[0], param.getIndex() + 1);
            return null;
          }
        });
    return new PreparedQuery(translator, node, text, sql, null, null, max[0]);
  }

  PreparedQuery explained(ExplainMode mode, String original) {
    return new PreparedQuery(translator, node, text, original, fixed, mode, parameterCount);
  }

  /** True when every binding gives the same translation, decided without parsing. */
  boolean isFixed() {
    return fixed != null;
  }

  /** How many {@code ?} markers the statement has. */
  public int parameterCount() {
    return parameterCount;
  }

  /** The statement as the client wrote it. */
  public String sql() {
    return sql;
  }

  /** Translates with these values for the markers, in order (typed Connect literals). */
  public Translation bind(List<Expression> parameters) throws SqlTranslationException {
    if (fixed != null) {
      return fixed;
    }
    Translation t = translator.bind(node, text, parameters);
    if (explainMode != null) {
      return t.isTranslated()
          ? t.explained(explainMode)
          : Translation.fallback("EXPLAIN of a statement that is not translated", false);
    }
    return t;
  }
}
