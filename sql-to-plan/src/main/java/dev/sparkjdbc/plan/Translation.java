package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.AnalyzePlanRequest.Explain.ExplainMode;
import dev.sparkjdbc.proto.Relation;
import java.util.Optional;

/**
 * The outcome of translating one statement: either a Spark Connect relation for a query, or the
 * decision to send the statement to Spark as SQL text, with the reason.
 */
public final class Translation {
  private final Relation relation;
  private final String fallbackReason;
  private final boolean query;
  private final ExplainMode explainMode;

  private Translation(Relation relation, String fallbackReason, boolean query,
      ExplainMode explainMode) {
    this.relation = relation;
    this.fallbackReason = fallbackReason;
    this.query = query;
    this.explainMode = explainMode;
  }

  static Translation translated(Relation relation) {
    return new Translation(relation, null, true, null);
  }

  static Translation explain(Relation relation, ExplainMode mode) {
    return new Translation(relation, null, true, mode);
  }

  static Translation fallback(String reason, boolean query) {
    return new Translation(null, reason, query, null);
  }

  /**
   * Present for {@code EXPLAIN [mode] query}: the relation is the query to explain, which the
   * caller sends to Spark's AnalyzePlan explain RPC instead of executing it.
   */
  public Optional<ExplainMode> explainMode() {
    return Optional.ofNullable(explainMode);
  }

  /** True when the statement became a plan; false when it goes to Spark as text. */
  public boolean isTranslated() {
    return relation != null;
  }

  /** The plan's root relation, for a translated query. */
  public Optional<Relation> relation() {
    return Optional.ofNullable(relation);
  }

  /** Why the statement goes as text ("DDL", "text mode", the unsupported construct, …). */
  public Optional<String> fallbackReason() {
    return Optional.ofNullable(fallbackReason);
  }

  /** True when the statement is a query (it returns rows), as far as the parser could tell. */
  public boolean isQuery() {
    return query;
  }

  @Override
  public String toString() {
    return isTranslated() ? "Translation[translated]" : "Translation[text: " + fallbackReason + "]";
  }
}
