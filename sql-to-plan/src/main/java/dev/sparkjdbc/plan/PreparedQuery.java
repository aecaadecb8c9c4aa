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

  /**
   * This query for a client text whose escapes used some of its {@code ?} markers more than once
   * ({@link EscapeRewriter.Rewritten}): {@code sources[i]} is the client's marker for marker i of
   * the rewritten text, and the client binds {@code count} values.
   */
  PreparedQuery withMarkerSources(int[] sources, int count) {
    return new PreparedQuery(this, sources, count);
  }

  private PreparedQuery(PreparedQuery inner, int[] sources, int count) {
    this(
        inner.translator, inner.node, inner.text, inner.sql, inner.fixed, inner.explainMode, count);
    this.markerSources = sources;
    this.inner = inner;
  }

  private int[] markerSources;
  private PreparedQuery inner;

  /**
   * The client's values in the order of the rewritten text's markers ({@link #sql()}), for a
   * statement sent as text with them.
   */
  public List<Expression> expand(List<Expression> values) {
    if (markerSources == null) {
      return values;
    }
    List<Expression> out = new java.util.ArrayList<>(markerSources.length);
    for (int source : markerSources) {
      out.add(values.get(source));
    }
    return out;
  }

  /** True when every binding gives the same translation, decided without parsing. */
  boolean isFixed() {
    return fixed != null;
  }

  /** How many {@code ?} markers the statement has. */
  public int parameterCount() {
    return parameterCount;
  }

  /**
   * The statement as Spark reads it: the client's text with its JDBC escapes rewritten (unless
   * escape processing was off), what goes to Spark when the statement is not translated.
   */
  public String sql() {
    return sql;
  }

  /** Translates with these values for the markers, in order (typed Connect literals). */
  public Translation bind(List<Expression> parameters) throws SqlTranslationException {
    if (inner != null) {
      return inner.bind(expand(parameters));
    }
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
