package dev.sparkjdbc.tck.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.SparkConnectDataSource;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys that are no connection property: the connection works and warns about each (with the nearest
 * property), custom {@code x-} headers pass silently, and {@code strict_properties=true} refuses
 * them.
 */
@ExtendWith(SparkConnectServerExtension.class)
class UnknownKeysTest {

  private static List<SQLWarning> warnings(Connection c) throws SQLException {
    List<SQLWarning> all = new ArrayList<>();
    for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
      all.add(w);
    }
    return all;
  }

  @Test
  void unknownKeysInUrlAndPropertiesWarnWithASuggestionAndTheConnectionWorks(
      SparkConnectServer server) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "someone");
    props.setProperty("pasword", "hidden-1");
    String url = server.url() + "/;tokn=hidden-2;x-request-source=tck";
    try (Connection c = DriverManager.getConnection(url, props)) {
      assertThat(DataSourceTest.queryOne(c, "SELECT 1")).isEqualTo("1");
      List<SQLWarning> warnings = warnings(c);
      assertThat(warnings)
          .hasSize(2)
          .allSatisfy(
              w -> {
                assertThat(w.getSQLState()).isEqualTo("01S00");
                assertThat(w.getMessage()).doesNotContain("hidden-");
              });
      assertThat(warnings.get(0).getMessage())
          .contains("'pasword' in the Properties (did you mean 'password'?)")
          .contains("ignored");
      assertThat(warnings.get(1).getMessage())
          .contains("'tokn' in the URL (did you mean 'token'?)")
          .contains("gRPC request header");
      c.clearWarnings();
      assertThat((Object) c.getWarnings()).isNull();
    }
  }

  @Test
  void customHeadersAndKnownKeysGiveNoWarning(SparkConnectServer server) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "someone");
    props.setProperty("password", "");
    props.setProperty("x-team", "analytics");
    try (Connection c =
        DriverManager.getConnection(
            server.url() + "/;x-request-source=tck;USER_AGENT=tck", props)) {
      assertThat(DataSourceTest.queryOne(c, "SELECT 1")).isEqualTo("1");
      assertThat((Object) c.getWarnings()).isNull();
    }
  }

  @Test
  void strictPropertiesRefusesAnUnknownKeyNamingItAndTheSuggestion(SparkConnectServer server) {
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(server.url() + "/;strict_properties=true;use_sll=true")
                    .close())
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .hasMessageContaining("'use_sll' in the URL (did you mean 'use_ssl'?)")
        .hasMessageContaining("strict_properties=true")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));

    Properties props = new Properties();
    props.setProperty("strict_properties", "true");
    props.setProperty("conect_timeout", "5");
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(), props).close())
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .hasMessageContaining(
            "'conect_timeout' in the Properties (did you mean " + "'connect_timeout'?)");
  }

  @Test
  void strictPropertiesStillConnectsWithCustomHeaders(SparkConnectServer server)
      throws SQLException {
    try (Connection c =
        DriverManager.getConnection(
            server.url() + "/;strict_properties=true;x-request-source=tck")) {
      assertThat(DataSourceTest.queryOne(c, "SELECT 1")).isEqualTo("1");
      assertThat((Object) c.getWarnings()).isNull();
    }
  }

  @Test
  void dataSourceUrlKeysFollowTheSameRules(SparkConnectServer server) throws SQLException {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setUrl(server.url() + "/;sesion_id=abc");
    try (Connection c = ds.getConnection()) {
      assertThat(warnings(c))
          .singleElement()
          .satisfies(w -> assertThat(w.getMessage()).contains("did you mean 'session_id'?"));
    }
    ds.setStrictProperties(true);
    assertThatThrownBy(ds::getConnection)
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .hasMessageContaining("'sesion_id' in the URL (did you mean 'session_id'?)");
  }
}
