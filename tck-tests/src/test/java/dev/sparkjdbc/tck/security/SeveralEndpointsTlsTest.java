package dev.sparkjdbc.tck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TLS with several endpoints: the certificate is checked against the host of the endpoint being
 * tried, so an endpoint whose certificate names another host fails over to the next, whose
 * certificate names it; and the secrets never reach the message that lists the endpoints.
 */
@ExtendWith(SecuredServerExtension.class)
class SeveralEndpointsTlsTest {

  private static String url(TlsProxy tls, String endpoints, SecuredServer server) {
    return "jdbc:sc://"
        + endpoints
        + "/;use_ssl=true;ssl_ca_file="
        + tls.certificates.caPem
        + ";token="
        + server.token();
  }

  @Test
  void anEndpointWithAWrongHostCertificateFailsOverToOneThatIsVerified(SecuredServer server)
      throws SQLException {
    TlsProxy tls = server.tls();
    String endpoints = "localhost:" + tls.wrongHostPort + ",localhost:" + tls.port;
    try (Connection c = DriverManager.getConnection(url(tls, endpoints, server));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM range(7)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(7);
      assertThat(c.toString()).contains("localhost:" + tls.port);
    }
  }

  @Test
  void whenNoCertificateNamesItsHostEachEndpointSaysSo(SecuredServer server) {
    TlsProxy tls = server.tls();
    String endpoints = "localhost:" + tls.wrongHostPort + ",127.0.0.1:" + tls.wrongHostPort;
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> DriverManager.getConnection(url(tls, endpoints, server)).close());
    assertThat((Object) e).isNotNull();
    System.out.println("TLS, no endpoint with a matching certificate: " + e.getMessage());
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage())
        .contains("[1] localhost:" + tls.wrongHostPort + ": TLS certificate of localhost:")
        .contains("[2] 127.0.0.1:" + tls.wrongHostPort + ": TLS certificate of 127.0.0.1:")
        .contains("does not name the host")
        .doesNotContain(server.token());
    for (Throwable each : e.getSuppressed()) {
      assertThat(each.getMessage()).doesNotContain(server.token());
    }
  }
}
