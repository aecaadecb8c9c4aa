package dev.sparkjdbc.tck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.child.RowPrinter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TLS through nginx, as Spark Connect is deployed: every way of trusting the server's certificate
 * works (the JVM's trust store, a trust store file, a PEM CA file, no verification with a warning),
 * and an untrusted certificate or a host name the certificate does not list fails with an 08
 * SQLSTATE and a message that says what to set.
 */
@ExtendWith(SecuredServerExtension.class)
class TlsProxyTest {

  @Test
  void pemCaFile(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    assertQueriesWork(
        TlsProxy.url(
            "localhost",
            tls.port,
            "ssl_ca_file=" + tls.certificates.caPem + ";token=" + server.token()));
  }

  /** The certificate lists 127.0.0.1 as an IP address, so connecting by IP verifies too. */
  @Test
  void pemCaFileByIpAddress(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    assertQueriesWork(
        TlsProxy.url(
            "127.0.0.1",
            tls.port,
            "ssl_ca_file=" + tls.certificates.caPem + ";token=" + server.token()));
  }

  @Test
  void pkcs12TrustStoreWithPasswordAsProperties(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    Properties p = new Properties();
    p.setProperty("use_ssl", "true");
    p.setProperty("ssl_trust_store", tls.certificates.trustStoreP12.toString());
    p.setProperty("ssl_trust_store_password", tls.certificates.trustStorePassword);
    p.setProperty("token", server.token());
    try (Connection c = DriverManager.getConnection("jdbc:sc://localhost:" + tls.port, p)) {
      assertThat(count(c, 10)).isEqualTo(10);
    }
  }

  @Test
  void jksTrustStore(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    assertQueriesWork(
        TlsProxy.url(
            "localhost",
            tls.port,
            "ssl_trust_store="
                + tls.certificates.trustStoreJks
                + ";ssl_trust_store_type=JKS;ssl_trust_store_password="
                + tls.certificates.trustStorePassword
                + ";token="
                + server.token()));
  }

  /**
   * No TLS property but use_ssl: the JVM's own trust store decides, here one named by the standard
   * javax.net.ssl system properties of a fresh client JVM.
   */
  @Test
  void jvmDefaultTrustStore(SecuredServer server) throws Exception {
    TlsProxy tls = server.tls();
    String url = TlsProxy.url("localhost", tls.port, "token=" + server.token());
    ChildJvm.Result result =
        ChildJvm.run(
            List.of(
                "-Djavax.net.ssl.trustStore=" + tls.certificates.trustStoreP12,
                "-Djavax.net.ssl.trustStorePassword=" + tls.certificates.trustStorePassword,
                "-Djavax.net.ssl.trustStoreType=PKCS12"),
            RowPrinter.class,
            List.of(url, "SELECT 40 + 2 AS answer"),
            Duration.ofSeconds(120));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).containsExactly("answer", "42");
  }

  /** This JVM's default trust store (the JDK's cacerts) does not know the test CA. */
  @Test
  void jvmDefaultTrustStoreRefusesAnUnknownCa(SecuredServer server) {
    TlsProxy tls = server.tls();
    SQLException e = connectFails(TlsProxy.url("localhost", tls.port, "token=" + server.token()));
    assertThat(e.getMessage())
        .contains("localhost:" + tls.port)
        .contains("not trusted")
        .contains("ssl_ca_file")
        .contains("ssl_trust_store")
        .doesNotContain(server.token());
  }

  @Test
  void wrongCaIsNotTrusted(SecuredServer server) {
    TlsProxy tls = server.tls();
    SQLException e =
        connectFails(
            TlsProxy.url(
                "localhost",
                tls.port,
                "ssl_ca_file=" + tls.certificates.otherCaPem + ";token=" + server.token()));
    assertThat(e.getMessage())
        .contains("not trusted")
        .contains("ssl_ca_file")
        .doesNotContain(server.token());
  }

  @Test
  void hostNameNotInTheCertificate(SecuredServer server) {
    TlsProxy tls = server.tls();
    SQLException e =
        connectFails(
            TlsProxy.url(
                "localhost",
                tls.wrongHostPort,
                "ssl_ca_file=" + tls.certificates.caPem + ";token=" + server.token()));
    assertThat(e.getMessage())
        .contains("localhost:" + tls.wrongHostPort)
        .contains("does not name the host")
        .doesNotContain(server.token());
  }

  /** ssl_verify=false accepts even an untrusted certificate for another host, and says so. */
  @Test
  void noVerificationConnectsAndWarnsOncePerConnection(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    String url =
        TlsProxy.url("localhost", tls.wrongHostPort, "ssl_verify=false;token=" + server.token());
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger driverLog = DriverManager.getDriver(url).getParentLogger();
    driverLog.addHandler(capture);
    try {
      try (Connection c = DriverManager.getConnection(url)) {
        assertThat(count(c, 1000)).isEqualTo(1000);
        assertThat(count(c, 5)).isEqualTo(5);
      }
      assertThat(warnings).hasSize(1);
      try (Connection c = DriverManager.getConnection(url)) {
        assertThat(count(c, 3)).isEqualTo(3);
      }
    } finally {
      driverLog.removeHandler(capture);
    }
    assertThat(warnings)
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(r.getMessage())
                    .contains("ssl_verify=false")
                    .contains("localhost:" + tls.wrongHostPort)
                    .doesNotContain(server.token()));
  }

  /** use_ssl=true against a port that speaks plaintext gRPC: a connection error saying so. */
  @Test
  void tlsToAPlaintextPort(SecuredServer server) {
    SQLException e =
        connectFails(TlsProxy.url("127.0.0.1", server.port(), "token=" + server.token()));
    assertThat(e.getMessage()).contains("TLS").contains("use_ssl=true");
  }

  /** Forgetting use_ssl=true in front of a TLS port: a connection error that says to add it. */
  @Test
  void plaintextToATlsPort(SecuredServer server) {
    TlsProxy tls = server.tls();
    SQLException e =
        connectFails(
            "jdbc:sc://localhost:" + tls.port + "/;connect_timeout=20;token=" + server.token());
    assertThat(e.getMessage()).contains("use_ssl=true").doesNotContain(server.token());
  }

  /** Results that span many Arrow batches and HTTP/2 frames stream through the proxy intact. */
  @Test
  void largeResultsStreamThroughTheProxy(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    String url =
        TlsProxy.url(
            "localhost",
            tls.port,
            "ssl_ca_file=" + tls.certificates.caPem + ";token=" + server.token());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, repeat('x', 100) AS pad FROM range(300000)")) {
      long rows = 0;
      long sum = 0;
      while (rs.next()) {
        rows++;
        sum += rs.getLong(1);
        assertThat(rs.getString(2)).hasSize(100);
      }
      assertThat(rows).isEqualTo(300000L);
      assertThat(sum).isEqualTo(300000L * 299999L / 2);
    }
  }

  private static void assertQueriesWork(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(count(c, 100)).isEqualTo(100);
      try (ResultSet schemas = c.getMetaData().getSchemas()) {
        assertThat(schemas.next()).isTrue();
      }
    }
  }

  private static long count(Connection c, int n) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM range(" + n + ")")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static SQLException connectFails(String url) {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> {
              try (Connection c = DriverManager.getConnection(url)) {
                count(c, 1);
              }
            });
    assertThat((Object) e).as("connecting to %s must fail", url).isNotNull();
    assertThat(e.getSQLState()).as(e.toString()).startsWith("08");
    return e;
  }
}
