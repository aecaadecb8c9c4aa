package dev.sparkjdbc.tck.security;

import dev.sparkjdbc.tck.harness.ServerOperations;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The one token-protected Spark Connect server of the security tests (a server costs seconds and a
 * gigabyte, so all of them share it), and the nginx TLS proxy in front of it, started when a test
 * first asks for it. {@link SecuredServerExtension} owns its life. Public for the app-server tests
 * (dev.sparkjdbc.tck.appservers), which run the token path through their containers.
 */
public final class SecuredServer implements AutoCloseable {
  private final String token;
  private final SparkConnectServer server;
  private TlsProxy tls;

  private SecuredServer(String token, SparkConnectServer server) {
    this.token = token;
    this.server = server;
  }

  static SecuredServer start() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    // Random per run, and long enough that no log line contains it by chance.
    String token = "tck-" + HexFormat.of().formatHex(bytes);
    return new SecuredServer(token, SparkConnectServer.start(0, List.of("--token", token)));
  }

  /** The secret the server requires. */
  public String token() {
    return token;
  }

  /** The server itself, in plaintext, without any credentials: {@code jdbc:sc://127.0.0.1:port}. */
  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** What the server holds and which operations it started (sessions, users). */
  public ServerOperations operations() {
    return server.operations();
  }

  /** The TLS proxy in front of this server; started (with its certificates) on first use. */
  synchronized TlsProxy tls() {
    if (tls == null) {
      tls = TlsProxy.start(workDir(), server.port());
    }
    return tls;
  }

  static Path workDir() {
    String dir = System.getProperty("sparkjdbc.tck.workDir");
    if (dir == null) {
      throw new IllegalStateException(
          "run this suite through Maven: sparkjdbc.tck.workDir is unset");
    }
    return Path.of(dir);
  }

  @Override
  public synchronized void close() {
    try {
      if (tls != null) {
        tls.close();
      }
    } finally {
      server.close();
    }
  }

  @Override
  public String toString() {
    return "SecuredServer[" + server.url() + "]"; // never the token
  }
}
