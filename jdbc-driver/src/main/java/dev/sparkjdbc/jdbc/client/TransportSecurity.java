package dev.sparkjdbc.jdbc.client;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.config.TlsSettings;
import dev.sparkjdbc.jdbc.errors.SqlState;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Exception;
import io.grpc.netty.shaded.io.netty.handler.ssl.NotSslRecordException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Applies a connection's {@link TlsSettings} to its gRPC channel, and explains failed calls whose
 * cause is TLS (an untrusted certificate, a wrong host name, plaintext against a TLS port) as what
 * to fix. It also keeps the connection's token out of gRPC's HTTP/2 frame log.
 */
public final class TransportSecurity {
  private static final Logger LOG = Logger.getLogger(TransportSecurity.class.getName());

  /**
   * In the standalone jar gRPC, Netty, Calcite and Arrow log under {@code dev.sparkjdbc.shaded},
   * below the driver's own {@code dev.sparkjdbc}: FINE for the driver would also turn on every
   * HTTP/2 frame and Calcite's parser traces. That logger is held at INFO unless the logging
   * configuration names a level for it (set it, or a package below it, to see them). With the thin
   * jar the libraries keep their own names and nothing is set. Held strongly: java.util.logging
   * forgets the level of a logger nobody references.
   */
  private static final Logger PRIVATE_LIBRARIES = quietPrivateLibraries();

  private TransportSecurity() {}

  /**
   * The one call a channel builder needs: plaintext or TLS as configured. It also hides the
   * connection's token from gRPC's HTTP/2 frame log, and warns (once per connection, which is once
   * per channel) when certificates go unverified.
   */
  static void configure(ConnectionConfig config, NettyChannelBuilder builder) {
    FrameLogRedaction.hide(config.token());
    RedactingNettyLoggers.install();
    applyTo(config.tlsSettings(), builder, config.endpointUrl());
  }

  private static Logger quietPrivateLibraries() {
    String prefix = "dev.sparkjdbc.shaded.";
    if (!NettyChannelBuilder.class.getName().startsWith(prefix)) {
      return null;
    }
    Logger log = Logger.getLogger(prefix.substring(0, prefix.length() - 1));
    if (log.getLevel() == null) {
      log.setLevel(Level.INFO);
    }
    return log;
  }

  private static void applyTo(TlsSettings tls, NettyChannelBuilder builder, String where) {
    SslContext sslContext = tls.sslContext();
    if (sslContext == null) {
      builder.usePlaintext();
      return;
    }
    if (!tls.verify()) {
      LOG.warning(
          () ->
              "TLS certificate verification is off (ssl_verify=false) for "
                  + where
                  + ": the connection is encrypted, but anyone in between can read and change it,"
                  + " token included. For anything but a test, remove ssl_verify=false and "
                  + TlsSettings.FIX_TRUST
                  + ".");
    }
    builder.sslContext(sslContext);
  }

  /**
   * Explains a failed call whose cause is a TLS problem (an untrusted certificate, a host name the
   * certificate does not list, a peer that does not speak TLS, or plaintext sent to a TLS port) as
   * what to fix; null when the failure is not about TLS. gRPC reports handshake failures as
   * UNAVAILABLE with the JDK's exception as cause, and plaintext to a TLS port as INTERNAL (the
   * proxy answers in HTTP/1.1, not HTTP/2).
   */
  public static SQLException describeFailure(Throwable failure, String where) {
    String peer =
        where.startsWith(ConnectionConfig.URL_PREFIX)
            ? where.substring(ConnectionConfig.URL_PREFIX.length())
            : where;
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure;
        t != null && !chain.contains(t) && chain.size() < 20;
        t = t.getCause()) {
      chain.add(t);
    }
    // Most specific first: an expired certificate also fails path validation, further up.
    Optional<Throwable> found =
        find(
            chain,
            t ->
                t instanceof Http2Exception
                    && String.valueOf(t.getMessage())
                        .startsWith("First received frame was not SETTINGS"));
    if (found.isPresent()) {
      return tlsFailure(
          "The server at "
              + peer
              + " did not answer in gRPC (HTTP/2) without "
              + "TLS: if it is a TLS port, as a proxy in front of Spark Connect usually is, add "
              + "use_ssl=true",
          failure);
    }
    if (find(chain, t -> t instanceof NotSslRecordException).isPresent()) {
      return tlsFailure(
          "The server at "
              + peer
              + " did not answer in TLS: connect to its TLS "
              + "port, or remove use_ssl=true if it has none",
          failure);
    }
    found =
        find(
            chain,
            t ->
                t instanceof CertificateExpiredException
                    || t instanceof CertificateNotYetValidException);
    if (found.isPresent()) {
      return tlsFailure(
          "TLS certificate of "
              + peer
              + " is outside its validity period ("
              + found.get().getMessage()
              + "): the server needs a current certificate",
          failure);
    }
    found =
        find(
            chain,
            t ->
                String.valueOf(t.getMessage()).startsWith("No subject alternative")
                    || String.valueOf(t.getMessage()).startsWith("No name matching"));
    if (found.isPresent()) {
      return tlsFailure(
          "TLS certificate of "
              + peer
              + " does not name the host you connected "
              + "to ("
              + found.get().getMessage().strip()
              + "): connect with a host name the "
              + "certificate lists",
          failure);
    }
    if (find(
            chain,
            t -> t instanceof CertPathBuilderException || t instanceof CertPathValidatorException)
        .isPresent()) {
      return tlsFailure(
          "TLS certificate of "
              + peer
              + " is not trusted (no trusted CA signed "
              + "it): "
              + TlsSettings.FIX_TRUST,
          failure);
    }
    found = find(chain, t -> t instanceof SSLException);
    if (found.isPresent()) {
      return tlsFailure(
          "TLS handshake with "
              + peer
              + " failed ("
              + found.get().getMessage()
              + "): check that this is the server's TLS port and that "
              + TlsSettings.FIX_TRUST,
          failure);
    }
    return null;
  }

  private static Optional<Throwable> find(List<Throwable> chain, Predicate<Throwable> test) {
    return chain.stream().filter(test).findFirst();
  }

  private static SQLException tlsFailure(String message, Throwable cause) {
    return new SQLNonTransientConnectionException(message, SqlState.CONNECTION_FAILURE, cause);
  }

  /**
   * gRPC's Netty transport logs every HTTP/2 frame at FINE (DEBUG) on the logger of its
   * NettyClientHandler, headers included, so turning on fine logging for {@code io.grpc} would
   * print the {@code authorization} header. This filter on that logger replaces the secrets of this
   * JVM's connections, and any authorization header value, with {@code (hidden)} before a handler
   * sees the record. Only records that pass the level check reach it, so it costs nothing when that
   * logging is off. (When Netty logs through SLF4J or Log4j instead, {@link RedactingNettyLoggers}
   * hides the same before the message leaves Netty.)
   */
  static final class FrameLogRedaction implements Filter {
    private static final Pattern AUTHORIZATION =
        Pattern.compile("(?i)(authorization: ?)[^,\\]\\r\\n]*");
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    /**
     * Held strongly: the logging framework keeps loggers only weakly, and a logger created anew
     * would lack the filter. The name follows NettyChannelBuilder's package, so it stays right if
     * the driver jar relocates gRPC.
     */
    private static final Logger FRAME_LOG =
        Logger.getLogger(NettyChannelBuilder.class.getPackageName() + ".NettyClientHandler");

    static {
      FRAME_LOG.setFilter(new FrameLogRedaction(FRAME_LOG.getFilter()));
    }

    private final Filter next;

    private FrameLogRedaction(Filter next) {
      this.next = next;
    }

    /** Installs the filter (on first use) and adds the secret, if any, to what it hides. */
    static void hide(Optional<String> secret) {
      secret.filter(s -> !s.isEmpty()).ifPresent(SECRETS::add);
    }

    static String redact(String text) {
      if (text == null) {
        return null;
      }
      String result = text;
      for (String secret : SECRETS) {
        result = result.replace(secret, "(hidden)");
      }
      return AUTHORIZATION.matcher(result).replaceAll("$1(hidden)");
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      record.setMessage(redact(record.getMessage()));
      Object[] parameters = record.getParameters();
      if (parameters != null) {
        Object[] shown = parameters.clone();
        for (int i = 0; i < shown.length; i++) {
          if (shown[i] != null) {
            String text = String.valueOf(shown[i]);
            String redacted = redact(text);
            if (!redacted.equals(text)) {
              shown[i] = redacted;
            }
          }
        }
        record.setParameters(shown);
      }
      return next == null || next.isLoggable(record);
    }
  }
}
