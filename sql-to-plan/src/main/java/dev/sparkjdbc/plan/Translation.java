package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.AnalyzePlanRequest.Explain.ExplainMode;
import dev.sparkjdbc.proto.Relation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of translating one statement: either a Spark Connect relation for a query, or the
 * decision to send the statement to Spark as SQL text, with the reason.
 */
public final class Translation {
  private final Relation relation;
  private final String fallbackReason;
  private final boolean query;
  private final ExplainMode explainMode;
  private final Set<PlanFeature> features;

  private Translation(
      Relation relation,
      String fallbackReason,
      boolean query,
      ExplainMode explainMode,
      Set<PlanFeature> features) {
    this.relation = relation;
    this.fallbackReason = fallbackReason;
    this.query = query;
    this.explainMode = explainMode;
    this.features =
        features.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(features));
  }

  static Translation translated(Relation relation, Set<PlanFeature> features) {
    return new Translation(relation, null, true, null, features);
  }

  static Translation fallback(String reason, boolean query) {
    return new Translation(null, reason, query, null, Set.of());
  }

  /** This translated query, to be explained rather than executed. */
  Translation explained(ExplainMode mode) {
    return new Translation(relation, null, true, mode, features);
  }

  /**
   * The same statement sent to Spark as SQL text instead of this plan, e.g. because the server does
   * not understand one of its {@link #features()}; {@code reason} says why.
   */
  public Translation asText(String reason) {
    // EXPLAIN goes as a command (it answers with its plan text), as for any untranslated EXPLAIN.
    return new Translation(null, reason, query && explainMode == null, null, Set.of());
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

  /**
   * The plan elements this translation uses that not every Spark Connect server understands; empty
   * for text and for plans any supported server accepts.
   */
  public Set<PlanFeature> features() {
    return features;
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
