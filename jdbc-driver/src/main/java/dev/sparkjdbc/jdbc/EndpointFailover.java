package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.config.Endpoint;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Connect-time failover over the endpoints of a URL ({@code jdbc:sc://h1:15002,h2:15002/}): tries
 * them in the URL's order, or shuffled per connection with {@code load_balance_hosts=true}, and the
 * first that completes the connect handshake wins. Only connecting fails over: a Spark session
 * lives in one server, so a connection stays on the server it connected to.
 *
 * <p>Time: {@code connect_timeout} bounds each endpoint's attempt, so a black-holed first host
 * costs that much and no more. A login timeout bounds the whole connect instead; each attempt gets
 * an equal share of the time left (so with one endpoint, the whole of it, as before lists existed).
 */
final class EndpointFailover {
  private static final Logger LOG = Logger.getLogger(EndpointFailover.class.getName());

  /** Opens a connection to the endpoint of {@code at}, waiting at most the limit (0: no limit). */
  @FunctionalInterface
  interface Attempt {
    SparkConnectConnection open(ConnectionConfig at, long timeoutMillis) throws SQLException;
  }

  /** What became of one endpoint: its error, or why it was not tried. */
  private record Outcome(Endpoint endpoint, SQLException error, String notTried) {
    String describe() {
      return endpoint
          + ": "
          + (error != null ? error.getMessage() : "not tried (" + notTried + ")");
    }
  }

  private EndpointFailover() {}

  static SparkConnectConnection connect(ConnectionConfig config, Attempt attempt)
      throws SQLException {
    List<Endpoint> order = new ArrayList<>(config.endpoints());
    if (order.size() == 1) {
      return attempt.open(config, config.connectTimeoutSeconds() * 1000L);
    }
    if (config.loadBalanceHosts()) {
      Collections.shuffle(order, ThreadLocalRandom.current());
    }
    long limitMillis = config.connectTimeoutSeconds() * 1000L;
    long deadline = System.nanoTime() + limitMillis * 1_000_000L;
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Endpoint endpoint = order.get(i);
      long timeoutMillis = limitMillis;
      if (config.hasLoginTimeout()) {
        long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
        if (leftMillis <= 0) {
          outcomes.add(
              new Outcome(
                  endpoint,
                  null,
                  "the login timeout of " + config.connectTimeoutSeconds() + " s was used up"));
          continue;
        }
        timeoutMillis = Math.max(1, leftMillis / (order.size() - i));
      }
      try {
        return attempt.open(config.at(endpoint), timeoutMillis);
      } catch (SQLException e) {
        // An interrupted caller wants no more attempts: gRPC keeps the thread's interrupt flag.
        if (!failsOver(e) || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        outcomes.add(new Outcome(endpoint, e, null));
        if (i + 1 < order.size()) {
          Endpoint next = order.get(i + 1);
          LOG.fine(
              () -> "Cannot connect to " + endpoint + " (" + e.getMessage() + "); trying " + next);
        }
      }
    }
    throw noneAnswered(config, outcomes);
  }

  /**
   * A failure to reach or connect to the server (class 08) moves on to the next endpoint. Anything
   * else is the server's answer, such as refused credentials (28000): the next server would answer
   * the same credentials the same way, so it ends the connect as it would with one endpoint.
   */
  private static boolean failsOver(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  /** One 08001 naming every endpoint with its own reason; each error chained and suppressed. */
  private static SQLException noneAnswered(ConnectionConfig config, List<Outcome> outcomes) {
    StringBuilder s =
        new StringBuilder("Cannot connect to any of the ")
            .append(outcomes.size())
            .append(" Spark Connect endpoints of ")
            .append(config.displayUrl())
            .append(
                config.loadBalanceHosts()
                    ? " (tried in random order, load_balance_hosts=true): "
                    : " (tried in the URL's order): ");
    for (int i = 0; i < outcomes.size(); i++) {
      s.append(i == 0 ? "" : "; ").append('[').append(i + 1).append("] ");
      s.append(outcomes.get(i).describe());
    }
    SQLException all =
        new SQLNonTransientConnectionException(s.toString(), SqlState.CONNECTION_FAILURE);
    for (Outcome o : outcomes) {
      if (o.error() != null) {
        // Tools walk getNextException; stack traces print the suppressed ones.
        all.setNextException(o.error());
        all.addSuppressed(o.error());
      }
    }
    return all;
  }
}
