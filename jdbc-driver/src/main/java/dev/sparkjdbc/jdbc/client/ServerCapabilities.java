package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.plan.PlanFeature;
import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.plan.Translation;
import dev.sparkjdbc.plan.TranslationConfig;
import dev.sparkjdbc.proto.DataType;
import dev.sparkjdbc.proto.Plan;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the connection's server understands of the plans the translator emits, learned by asking the
 * server itself, never by reading its version string: a server of another build (a vendor's Spark,
 * a back-port) is judged by what it does. Each capability is probed the first time a statement
 * needs it, with one AnalyzePlan call on a tiny plan that uses it (nothing runs), and the answer is
 * kept for the life of the connection. See {@code docs/compatibility.md}.
 *
 * <ul>
 *   <li>{@link PlanFeature#IN_SUBQUERY} (Spark 4.2 has it, 4.0 not): the server analyses {@code
 *       SELECT 1 IN (SELECT 1)} as the translator builds it. A server that answers with an error
 *       does not understand {@code SUBQUERY_TYPE_IN}.
 *   <li>{@link PlanFeature#LITERAL_DATA_TYPE} (Spark 4.1+): the server types the literal of {@code
 *       SELECT INTERVAL '3' DAY} as {@code INTERVAL DAY}, as its {@code data_type} says. A server
 *       that ignores the field answers {@code INTERVAL DAY TO SECOND}.
 *   <li>{@link PlanFeature#ROLLUP_CUBE} (Spark 4.2 has it, 4.0 not): the server analyses {@code
 *       SELECT a, count(*) … GROUP BY ROLLUP (a)} as the translator builds it (named grouping
 *       keys). A server that answers with an error cannot resolve the SELECT list against those
 *       keys.
 * </ul>
 *
 * <p>A statement whose plan uses a capability the server lacks goes to Spark as SQL text instead,
 * the path every untranslated statement takes. Thread-safe.
 */
public final class ServerCapabilities {
  private static final Logger LOG = Logger.getLogger(ServerCapabilities.class.getName());
  private static final SqlToPlan PROBES = new SqlToPlan(TranslationConfig.DEFAULT);

  private final ConnectClient client;
  private final Map<PlanFeature, Boolean> known = new EnumMap<>(PlanFeature.class);

  public ServerCapabilities(ConnectClient client) {
    this.client = client;
  }

  /** The first of {@code features} the server does not understand, probing unknown ones once. */
  public Optional<PlanFeature> firstMissing(Set<PlanFeature> features) throws SQLException {
    for (PlanFeature feature : features) {
      if (!understands(feature)) {
        return Optional.of(feature);
      }
    }
    return Optional.empty();
  }

  public boolean understands(PlanFeature feature) throws SQLException {
    synchronized (known) {
      Boolean answer = known.get(feature);
      if (answer != null) {
        return answer;
      }
    }
    // Outside the lock: a probe is a round trip, and a second thread probing too is harmless.
    boolean answer = probe(feature);
    LOG.fine(
        () ->
            "The server "
                + (answer ? "understands " : "does not understand ")
                + describe(feature)
                + " in plans");
    synchronized (known) {
      known.put(feature, answer);
    }
    return answer;
  }

  /** The feature as a person reads it in a fallback reason or a message. */
  public static String describe(PlanFeature feature) {
    return switch (feature) {
      case IN_SUBQUERY -> "IN (subquery)";
      case LITERAL_DATA_TYPE -> "literals typed by their data_type (e.g. INTERVAL '3' DAY)";
      case ROLLUP_CUBE -> "GROUP BY ROLLUP/CUBE over named grouping keys";
    };
  }

  private boolean probe(PlanFeature feature) throws SQLException {
    return switch (feature) {
      case IN_SUBQUERY -> schema("SELECT 1 IN (SELECT 1) AS probe", feature).isPresent();
      case LITERAL_DATA_TYPE ->
          schema("SELECT INTERVAL '3' DAY AS probe", feature)
              .map(
                  type -> {
                    DataType column = type.getStruct().getFields(0).getDataType();
                    return column.hasDayTimeInterval()
                        && column.getDayTimeInterval().getEndField() == 0;
                  })
              .orElse(false);
      case ROLLUP_CUBE ->
          schema("SELECT a, count(*) AS n FROM (VALUES (1)) AS t(a) GROUP BY ROLLUP (a)", feature)
              .isPresent();
    };
  }

  /**
   * The schema the server analyses for the translator's plan of {@code sql}; empty when the server
   * answers that it cannot (it does not understand the plan). Connection failures and interruptions
   * are thrown: they say nothing about the server's abilities.
   */
  private Optional<DataType> schema(String sql, PlanFeature feature) throws SQLException {
    Translation probe;
    try {
      probe = PROBES.translate(sql);
    } catch (SqlTranslationException e) {
      throw new IllegalStateException("the probe of " + feature + " does not translate", e);
    }
    if (!probe.isTranslated() || !probe.features().contains(feature)) {
      throw new IllegalStateException("the probe of " + feature + " does not use it: " + probe);
    }
    try {
      return Optional.of(
          client.schema(Plan.newBuilder().setRoot(probe.relation().orElseThrow()).build()));
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      if (state.startsWith("08")
          || state.startsWith("28")
          || state.equals(SqlState.CANCELLED)
          || state.equals(SqlState.TIMEOUT)) {
        throw e;
      }
      LOG.fine(() -> "Probe of " + feature + " refused by the server: " + e.getMessage());
      return Optional.empty();
    }
  }
}
