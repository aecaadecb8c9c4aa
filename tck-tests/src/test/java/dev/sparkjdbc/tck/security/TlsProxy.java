package dev.sparkjdbc.tck.security;

import java.nio.file.Path;
import java.util.List;

/**
 * nginx terminating TLS in front of a Spark Connect server, on two ports: {@link #port} shows a
 * certificate for {@code localhost} and {@code 127.0.0.1}, {@link #wrongHostPort} one for a name
 * that is never connected to; the same test CA signed both.
 */
final class TlsProxy implements AutoCloseable {
  final TestCertificates certificates;
  final int port;
  final int wrongHostPort;
  private final Nginx nginx;

  private TlsProxy(TestCertificates certificates, int port, int wrongHostPort, Nginx nginx) {
    this.certificates = certificates;
    this.port = port;
    this.wrongHostPort = wrongHostPort;
    this.nginx = nginx;
  }

  static TlsProxy start(Path workDir, int upstreamPort) {
    // Where nginx is missing, skip (or fail, in CI) before making certificates for nothing.
    Nginx.binary();
    TestCertificates certificates = TestCertificates.create(workDir);
    int port = Nginx.freePort();
    int wrongHostPort = Nginx.freePort();
    Nginx nginx =
        Nginx.start(
            workDir,
            List.of(
                new Nginx.Site(
                    port, certificates.serverCertificate, certificates.serverKey, upstreamPort),
                new Nginx.Site(
                    wrongHostPort,
                    certificates.wrongHostCertificate,
                    certificates.wrongHostKey,
                    upstreamPort)));
    return new TlsProxy(certificates, port, wrongHostPort, nginx);
  }

  /** {@code jdbc:sc://host:port/;use_ssl=true} followed by {@code params}. */
  static String url(String host, int port, String params) {
    return "jdbc:sc://"
        + host
        + ":"
        + port
        + "/;use_ssl=true"
        + (params.isEmpty() ? "" : ";" + params);
  }

  String nginxLogs() {
    return nginx.logs();
  }

  @Override
  public void close() {
    nginx.close();
  }
}
