package dev.sparkjdbc.jdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Exception;
import io.grpc.netty.shaded.io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS properties: validation, the trust they load, failure messages and the frame-log filter. */
class TransportSecurityTest {
  private static final String STORE_PASSWORD = "store-pw-Q7x9";

  @TempDir static Path dir;
  static Path caPem;
  static Path trustP12;
  static Path trustJks;

  /** A CA certificate made with the JDK's keytool, as PEM and in PKCS12 and JKS trust stores. */
  @BeforeAll
  static void makeCertificates() throws Exception {
    Path caStore = dir.resolve("ca.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-dname",
        "CN=unit test CA",
        "-ext",
        "bc:c=ca:true",
        "-validity",
        "2",
        "-keystore",
        caStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "ca-pw-123");
    caPem = dir.resolve("ca.pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        caStore.toString(),
        "-storepass",
        "ca-pw-123",
        "-file",
        caPem.toString());
    trustP12 = trustStore("PKCS12", "trust.p12");
    trustJks = trustStore("JKS", "trust.jks");
  }

  private static Path trustStore(String type, String name) throws Exception {
    KeyStore store = KeyStore.getInstance(type);
    store.load(null, null);
    try (var in = Files.newInputStream(caPem)) {
      store.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool %s: %s", command, output).isZero();
  }

  private static ConnectionConfig parse(String params) throws SQLException {
    return ConnectionConfig.parse("jdbc:sc://localhost:443/;" + params, new Properties());
  }

  @Test
  void plaintextUnlessUseSsl() throws SQLException {
    assertThat(parse("").tlsSettings()).hasToString("plaintext");
    assertThat(parse("use_ssl=true").tlsSettings())
        .hasToString("TLS, trusting the JVM's trust store");
  }

  @Test
  void eachTrustSourceLoads() throws SQLException {
    assertThat(parse("use_ssl=true;ssl_ca_file=" + caPem).tlsSettings().toString())
        .startsWith("TLS, trusting ssl_ca_file");
    assertThat(
            parse(
                    "use_ssl=true;ssl_trust_store="
                        + trustP12
                        + ";ssl_trust_store_password="
                        + STORE_PASSWORD)
                .tlsSettings()
                .toString())
        .startsWith("TLS, trusting ssl_trust_store");
    assertThat(
            parse(
                    "use_ssl=true;ssl_trust_store="
                        + trustJks
                        + ";ssl_trust_store_type=JKS;"
                        + "ssl_trust_store_password="
                        + STORE_PASSWORD)
                .tlsSettings()
                .toString())
        .startsWith("TLS, trusting ssl_trust_store");
    assertThat(parse("use_ssl=true;ssl_verify=false").tlsSettings().toString())
        .contains("without certificate verification");
  }

  @Test
  void trustPropertiesWithoutUseSslAreRefused() {
    assertFails("ssl_ca_file=" + caPem, "ssl_ca_file", "use_ssl=true");
    assertFails("ssl_verify=false", "ssl_verify=false", "use_ssl=true");
  }

  @Test
  void conflictingTrustSourcesAreRefused() {
    assertFails(
        "use_ssl=true;ssl_ca_file=" + caPem + ";ssl_trust_store=" + trustP12,
        "ssl_ca_file and ssl_trust_store",
        "only one");
    assertFails(
        "use_ssl=true;ssl_verify=false;ssl_ca_file=" + caPem, "ssl_verify=false", "ssl_ca_file");
    assertFails(
        "use_ssl=true;ssl_trust_store_type=JKS",
        "ssl_trust_store_type",
        "ssl_trust_store, which is not set");
  }

  @Test
  void badFilesNameTheirProperty() throws IOException {
    assertFails(
        "use_ssl=true;ssl_ca_file=" + dir.resolve("missing.pem"),
        "'ssl_ca_file'",
        "no readable file");
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    assertFails("use_ssl=true;ssl_ca_file=" + notPem, "'ssl_ca_file'", "PEM");
    assertFails(
        "use_ssl=true;ssl_trust_store=" + notPem + ";ssl_trust_store_password=x",
        "'ssl_trust_store'",
        "ssl_trust_store_password");
    assertFails(
        "use_ssl=true;ssl_trust_store=" + trustP12 + ";ssl_trust_store_type=NOPE",
        "'ssl_trust_store_type'",
        "PKCS12 or JKS");
  }

  @Test
  void aWrongTrustStorePasswordIsNamedButNeverShown() {
    String wrong = "wrong-pw-Z3k1";
    assertThatThrownBy(
            () ->
                parse(
                    "use_ssl=true;ssl_trust_store="
                        + trustP12
                        + ";ssl_trust_store_password="
                        + wrong))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ssl_trust_store_password")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
        .satisfies(e -> assertNowhere(e, wrong))
        .satisfies(e -> assertNowhere(e, STORE_PASSWORD));
    Properties p = new Properties();
    p.setProperty("ssl_trust_store_password", wrong);
    assertThatThrownBy(() -> ConnectionConfig.parse("jdbc:sc://h/;use_ssl=true", p))
        .hasMessageContaining("ssl_trust_store_password")
        .satisfies(e -> assertNowhere(e, wrong));
  }

  @Test
  void theTrustStorePasswordIsHiddenInToString() throws SQLException {
    ConnectionConfig c =
        parse(
            "use_ssl=true;ssl_trust_store="
                + trustP12
                + ";ssl_trust_store_password="
                + STORE_PASSWORD);
    assertThat(c.toString())
        .doesNotContain(STORE_PASSWORD)
        .contains("ssl_trust_store_password=(hidden)");
    assertThat(c.tlsSettings().toString()).doesNotContain(STORE_PASSWORD);
  }

  @Test
  void untrustedCertificateSaysWhatToSet() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
    handshake.initCause(
        new CertificateException(
            "PKIX path building failed",
            new CertPathBuilderException("unable to find valid certification path")));
    SQLException e =
        TransportSecurity.describeFailure(unavailable(handshake), "jdbc:sc://localhost:8443");
    assertThat((Object) e).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage())
        .startsWith("TLS certificate of localhost:8443 is not trusted")
        .contains("ssl_ca_file")
        .contains("ssl_trust_store");
    assertThat(e.getCause()).isInstanceOf(StatusRuntimeException.class);
  }

  /** The JDK reports an expired certificate as a failed path validation caused by the expiry. */
  @Test
  void expiredCertificateSaysSoRatherThanUntrusted() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
    handshake.initCause(
        new CertificateException(
            "PKIX path validation failed",
            new CertPathValidatorException(
                "validity check failed",
                new CertificateExpiredException("NotAfter: Tue Jan 02 00:00:00 UTC 2024"))));
    SQLException e = TransportSecurity.describeFailure(unavailable(handshake), "jdbc:sc://h:443");
    assertThat(e.getMessage()).contains("outside its validity period").contains("NotAfter");
  }

  @Test
  void hostNameMismatchSaysSo() {
    SSLHandshakeException handshake =
        new SSLHandshakeException("No subject alternative DNS name matching db.example found.");
    handshake.initCause(
        new CertificateException("No subject alternative DNS name matching db.example found."));
    SQLException e =
        TransportSecurity.describeFailure(unavailable(handshake), "jdbc:sc://db.example:443");
    assertThat(e.getSQLState()).startsWith("08");
    assertThat(e.getMessage()).contains("does not name the host").contains("db.example");
  }

  @Test
  void tlsToAPlaintextPortAndPlaintextToATlsPort() {
    SQLException notTls =
        TransportSecurity.describeFailure(
            unavailable(new NotSslRecordException("not an SSL/TLS record: 0000120400")),
            "jdbc:sc://h:15002");
    assertThat(notTls.getMessage()).contains("did not answer in TLS").contains("use_ssl=true");
    SQLException plainToTls =
        TransportSecurity.describeFailure(
            Status.INTERNAL
                .withDescription("http2 exception")
                .withCause(
                    new Http2Exception(
                        Http2Error.PROTOCOL_ERROR,
                        "First received frame was not SETTINGS. Hex dump for first 5 bytes:"
                            + " 485454502f"))
                .asRuntimeException(),
            "jdbc:sc://h:443");
    assertThat(plainToTls.getSQLState()).isEqualTo("08001");
    assertThat(plainToTls.getMessage()).contains("h:443").contains("add use_ssl=true");
  }

  @Test
  void otherFailuresAreNotTls() {
    assertThat(
            (Object)
                TransportSecurity.describeFailure(
                    unavailable(new ConnectException("Connection refused")), "jdbc:sc://h:1"))
        .isNull();
    assertThat(
            (Object)
                TransportSecurity.describeFailure(
                    new StatusRuntimeException(Status.UNAUTHENTICATED), "jdbc:sc://h:1"))
        .isNull();
  }

  private static StatusRuntimeException unavailable(Throwable cause) {
    return Status.UNAVAILABLE.withDescription("io exception").withCause(cause).asRuntimeException();
  }

  @Test
  void noVerificationWarnsOncePerConnection() throws SQLException {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(TransportSecurity.class.getName());
    log.addHandler(capture);
    try {
      ConnectionConfig insecure = parse("use_ssl=true;ssl_verify=false");
      TransportSecurity.configure(insecure, NettyChannelBuilder.forAddress("localhost", 443));
      TransportSecurity.configure(
          parse("use_ssl=true"), NettyChannelBuilder.forAddress("localhost", 443));
    } finally {
      log.removeHandler(capture);
    }
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.WARNING);
              assertThat(r.getMessage()).contains("ssl_verify=false").contains("localhost:443");
            });
  }

  @Test
  void frameLogRecordsLoseAuthorizationValuesAndRegisteredTokens() throws SQLException {
    String token = "tok-frame-9Qz";
    TransportSecurity.configure(
        parse("token=" + token), NettyChannelBuilder.forAddress("localhost", 443));
    Logger frames =
        Logger.getLogger(NettyChannelBuilder.class.getPackageName() + ".NettyClientHandler");
    LogRecord r =
        new LogRecord(
            Level.FINE,
            "OUTBOUND HEADERS: headers=GrpcHttp2OutboundHeaders"
                + "[:path: /x, authorization: Bearer "
                + token
                + ", te: trailers] echo "
                + token);
    r.setParameters(new Object[] {"p " + token, 7});
    assertThat(frames.getFilter()).isNotNull();
    assertThat(frames.getFilter().isLoggable(r)).isTrue();
    assertThat(r.getMessage())
        .doesNotContain(token)
        .contains("authorization: (hidden), te: trailers");
    assertThat(r.getParameters()).containsExactly("p (hidden)", 7);
  }

  private static void assertFails(String params, String... messageParts) {
    assertThatThrownBy(() -> parse(params))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
        .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
  }

  /** Not in the message, the cause chain's messages nor any toString. */
  private static void assertNowhere(Throwable e, String secret) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
    }
  }
}
