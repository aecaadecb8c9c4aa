package dev.sparkjdbc.tck.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("smoke") // also run against older servers: docs/compatibility.md
@ExtendWith(SparkConnectServerExtension.class)
class ConnectionTest {

  @Test
  void openConnectionIsValidAndOpen(SparkConnectServer server) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.url())) {
      assertThat(connection.isValid(5)).isTrue();
      assertThat(connection.isClosed()).isFalse();
    }
  }

  @Test
  void closedConnectionIsClosedInvalidAndRefusesStatements(SparkConnectServer server)
      throws SQLException {
    Connection connection = DriverManager.getConnection(server.url());
    connection.close();

    assertThat(connection.isClosed()).isTrue();
    assertThat(connection.isValid(5)).isFalse();
    assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class);
    connection.close(); // a second close is a no-op (Connection.close javadoc)
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void driverManagerFindsTheDriverForItsUrlsOnly(SparkConnectServer server) throws SQLException {
    Driver driver = DriverManager.getDriver(server.url());

    assertThat(driver.getClass().getName()).isEqualTo("dev.sparkjdbc.jdbc.SparkConnectDriver");
    assertThat(driver.acceptsURL("jdbc:sc://x")).isTrue();
    assertThat(driver.acceptsURL("jdbc:postgresql://x")).isFalse();
  }

  @Test
  void connectingWhereNothingListensFailsQuicklyWithConnectionSqlState() throws IOException {
    int port = unusedPort();

    Throwable failure =
        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () ->
                catchThrowable(
                    () -> DriverManager.getConnection("jdbc:sc://127.0.0.1:" + port).close()));

    // DriverManager's own "No suitable driver" is 08001 too: make sure the driver answered.
    assertThat(failure)
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("No suitable driver");
    assertThat(((SQLException) failure).getSQLState()).startsWith("08");
  }

  @Test
  void malformedUrlIsRejectedNamingTheBadPart() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:sc://localhost:notaport"))
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("No suitable driver")
        .hasMessageContaining("notaport");
  }

  /** A port that was free a moment ago: nothing listens there. */
  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
