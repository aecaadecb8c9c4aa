package dev.sparkjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.config.Endpoint;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order, time limits and final error of {@link EndpointFailover}, observed through the attempts
 * it makes (each recorded, then failed or answered as the test says); the tck's
 * SeveralEndpointsTest does the same against real servers.
 */
class EndpointFailoverTest {
  private record Try(Endpoint endpoint, long timeoutMillis) {}

  private final List<Try> tries = new ArrayList<>();

  private static ConnectionConfig config(String url, int loginTimeout) throws SQLException {
    return ConnectionConfig.parse(url, new Properties(), loginTimeout);
  }

  /** Fails every attempt as an unreachable server does, 08001. */
  private SparkConnectConnection unreachable(ConnectionConfig at, long timeoutMillis)
      throws SQLException {
    tries.add(new Try(at.endpoint(), timeoutMillis));
    throw new SQLNonTransientConnectionException(
        "Spark Connect server unreachable at " + at.endpointUrl(), "08001");
  }

  @Test
  void triesEveryEndpointInOrderEachWithTheConnectTimeoutAndListsThemAll() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1,h2:2,h3:3/;connect_timeout=4", 0);
    SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> EndpointFailover.connect(c, this::unreachable));
    assertThat(tries)
        .containsExactly(
            new Try(new Endpoint("h1", 1), 4000),
            new Try(new Endpoint("h2", 2), 4000),
            new Try(new Endpoint("h3", 3), 4000));
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat((Throwable) e)
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .hasMessageContaining("jdbc:sc://h1:1,h2:2,h3:3")
        .hasMessageContaining("URL's order")
        .hasMessageContaining("[1] h1:1: Spark Connect server unreachable at jdbc:sc://h1:1")
        .hasMessageContaining("[2] h2:2: Spark Connect server unreachable at jdbc:sc://h2:2")
        .hasMessageContaining("[3] h3:3: Spark Connect server unreachable at jdbc:sc://h3:3");
    assertThat(e.getSuppressed()).hasSize(3);
    List<String> chained = new ArrayList<>();
    for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
      chained.add(next.getMessage());
    }
    assertThat(chained)
        .containsExactly(
            "Spark Connect server unreachable at jdbc:sc://h1:1",
            "Spark Connect server unreachable at jdbc:sc://h2:2",
            "Spark Connect server unreachable at jdbc:sc://h3:3");
  }

  @Test
  void theFirstThatAnswersWinsAndLaterOnesAreNotTried() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1,h2:2,h3:3", 0);
    EndpointFailover.connect(
        c,
        (at, timeout) -> {
          tries.add(new Try(at.endpoint(), timeout));
          if (at.port() == 1) {
            throw new SQLNonTransientConnectionException("down", "08001");
          }
          return null;
        });
    assertThat(tries).extracting(Try::endpoint).extracting(Endpoint::port).containsExactly(1, 2);
  }

  @Test
  void aLoginTimeoutIsSharedSoABlackHoledFirstHostCannotUseItAll() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1,h2:2/;connect_timeout=100", 10);
    assertThatThrownBy(() -> EndpointFailover.connect(c, this::unreachable))
        .isInstanceOf(SQLException.class);
    assertThat(tries.get(0).timeoutMillis()).isBetween(4_000L, 5_000L);
    assertThat(tries.get(1).timeoutMillis()).isBetween(4_000L, 10_000L);
  }

  @Test
  void oneEndpointGetsTheWholeLoginTimeoutAndItsOwnErrorAsBefore() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1", 7);
    SQLException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> EndpointFailover.connect(c, this::unreachable));
    assertThat(tries).containsExactly(new Try(new Endpoint("h1", 1), 7000));
    assertThat((Throwable) e).hasMessage("Spark Connect server unreachable at jdbc:sc://h1:1");
  }

  @Test
  void refusedCredentialsEndTheConnectAtOnce() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1,h2:2", 0);
    assertThatThrownBy(
            () ->
                EndpointFailover.connect(
                    c,
                    (at, timeout) -> {
                      tries.add(new Try(at.endpoint(), timeout));
                      throw new SQLInvalidAuthorizationSpecException("refused", "28000");
                    }))
        .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
        .hasMessage("refused");
    assertThat(tries).hasSize(1);
  }

  @Test
  void anInterruptedCallerGetsTheFirstFailureWithoutFurtherAttempts() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1,h2:2", 0);
    try {
      assertThatThrownBy(
              () ->
                  EndpointFailover.connect(
                      c,
                      (at, timeout) -> {
                        tries.add(new Try(at.endpoint(), timeout));
                        Thread.currentThread().interrupt();
                        throw new SQLNonTransientConnectionException("interrupted", "08001");
                      }))
          .hasMessage("interrupted");
      assertThat(tries).hasSize(1);
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();
    }
  }

  @Test
  void loadBalancingTriesEveryEndpointOnceInAnOrderThatVaries() throws SQLException {
    ConnectionConfig c = config("jdbc:sc://h1:1,h2:2,h3:3/;load_balance_hosts=true", 0);
    Set<Integer> firstPorts = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      tries.clear();
      assertThatThrownBy(() -> EndpointFailover.connect(c, this::unreachable))
          .hasMessageContaining("random order");
      assertThat(tries)
          .extracting(Try::endpoint)
          .containsExactlyInAnyOrderElementsOf(c.endpoints());
      firstPorts.add(tries.get(0).endpoint().port());
    }
    // each of the 3 comes first with probability 1/3 per connect: missing one in 60 is ~1e-10
    assertThat(firstPorts).containsExactlyInAnyOrder(1, 2, 3);
  }
}
