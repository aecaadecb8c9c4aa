package dev.sparkjdbc.plan;

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

  private Translation(Relation relation, String fallbackReason, boolean query) {
    this.relation = relation;
    this.fallbackReason = fallbackReason;
    this.query = query;
  }

  static Translation translated(Relation relation) {
    return new Translation(relation, null, true);
  }

  static Translation fallback(String reason, boolean query) {
    return new Translation(null, reason, query);
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
