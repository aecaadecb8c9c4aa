package dev.sparkjdbc.jdbc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Exception;
import io.grpc.netty.shaded.io.netty.handler.ssl.NotSslRecordException;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a connection's channel is secured: plaintext, or TLS that trusts the JVM's trust store, a
 * trust store file ({@code ssl_trust_store}), a PEM CA file ({@code ssl_ca_file}), or, with {@code
 * ssl_verify=false}, any certificate. Trust material is read once, when the configuration is
 * parsed, so that its errors are SQLExceptions naming the property; applying it to a channel cannot
 * fail.
 *
 * <p>TLS always uses the JDK's TLS engine, not the OpenSSL one grpc-netty-shaded may bundle: the
 * same behaviour and error messages on every platform, and nothing native to break when the driver
 * jar is relocated.
 */
final class TransportSecurity {
  private static final Logger LOG = Logger.getLogger(TransportSecurity.class.getName());
  private static final String FIX_TRUST =
      "set ssl_ca_file to the PEM file of the CA that signed "
          + "it, or ssl_trust_store to a trust store holding that CA";

  /** Null for plaintext. */
  private final SslContext sslContext;

  private final boolean verify;

  /** Where trust comes from, for toString; never holds a secret. */
  private final String trust;

  private TransportSecurity(SslContext sslContext, boolean verify, String trust) {
    this.sslContext = sslContext;
    this.verify = verify;
    this.trust = trust;
  }

  /** Validates the TLS properties together and reads the trust material they name. */
  static TransportSecurity of(ConnectionConfig config) throws SQLException {
    boolean verify = config.sslVerify();
    boolean caFile = config.sslCaFile().isPresent();
    boolean trustStore = config.sslTrustStore().isPresent();
    if (!config.useSsl()) {
      if (caFile || trustStore || !verify) {
        throw conflict(
            (caFile ? "ssl_ca_file" : trustStore ? "ssl_trust_store" : "ssl_verify=false")
                + " is set but use_ssl is not true: add use_ssl=true (the server or its proxy must "
                + "speak TLS)");
      }
      return new TransportSecurity(null, true, "plaintext");
    }
    if (caFile && trustStore) {
      throw conflict("ssl_ca_file and ssl_trust_store are both set: set only one of them");
    }
    if (!verify && (caFile || trustStore)) {
      throw conflict(
          "ssl_verify=false trusts any certificate, so "
              + (caFile ? "ssl_ca_file" : "ssl_trust_store")
              + " would be ignored: remove one of them");
    }
    if (!trustStore
        && (config.sslTrustStorePassword().isPresent() || config.sslTrustStoreType().isPresent())) {
      throw conflict(
          (config.sslTrustStoreType().isPresent()
                  ? "ssl_trust_store_type"
                  : "ssl_trust_store_password")
              + " applies to ssl_trust_store, which is not set");
    }
    if (!verify) {
      return new TransportSecurity(
          build(InsecureTrustManagerFactory.INSTANCE, false),
          false,
          "TLS without certificate verification (ssl_verify=false)");
    }
    if (caFile) {
      Path file = config.sslCaFile().get();
      return new TransportSecurity(
          build(caFileTrust(file), true), true, "TLS, trusting ssl_ca_file " + file);
    }
    if (trustStore) {
      Path file = config.sslTrustStore().get();
      return new TransportSecurity(
          build(trustStoreTrust(file, config), true),
          true,
          "TLS, trusting ssl_trust_store " + file);
    }
    return new TransportSecurity(
        build(defaultTrust(), true), true, "TLS, trusting the JVM's trust store");
  }

  /**
   * The one call a channel builder needs: plaintext or TLS as configured. It also hides the
   * connection's token from gRPC's HTTP/2 frame log, and warns (once per connection, which is once
   * per channel) when certificates go unverified.
   */
  static void configure(ConnectionConfig config, NettyChannelBuilder builder) {
    FrameLogRedaction.hide(config.token());
    config.transportSecurity().applyTo(builder, config.displayUrl());
  }

  private void applyTo(NettyChannelBuilder builder, String where) {
    if (sslContext == null) {
      builder.usePlaintext();
      return;
    }
    if (!verify) {
      LOG.warning(
          () ->
              "TLS certificate verification is off (ssl_verify=false) for "
                  + where
                  + ": the connection is encrypted, but anyone in between can read and change it,"
                  + " token included. For anything but a test, remove ssl_verify=false and "
                  + FIX_TRUST
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
  static SQLException describeFailure(Throwable failure, String where) {
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
              + FIX_TRUST,
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
              + FIX_TRUST,
          failure);
    }
    return null;
  }

  private static Optional<Throwable> find(List<Throwable> chain, Predicate<Throwable> test) {
    return chain.stream().filter(test).findFirst();
  }

  private static SQLException tlsFailure(String message, Throwable cause) {
    return new SQLNonTransientConnectionException(message, SqlErrors.CONNECTION_FAILURE, cause);
  }

  private static SQLException conflict(String problem) {
    return new SQLNonTransientConnectionException(
        "Conflicting TLS connection properties: " + problem, SqlErrors.CONNECTION_FAILURE);
  }

  /** TLS for gRPC (HTTP/2 over ALPN) on the JDK engine, checking host names when verifying. */
  private static SslContext build(TrustManagerFactory trust, boolean verify) throws SQLException {
    try {
      SslContextBuilder builder =
          GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
              .trustManager(trust);
      if (verify) {
        builder.endpointIdentificationAlgorithm("HTTPS");
      }
      return builder.build();
    } catch (SSLException e) {
      throw new SQLNonTransientConnectionException(
          "Cannot set up TLS: " + e.getMessage(), SqlErrors.CONNECTION_FAILURE, e);
    }
  }

  private static TrustManagerFactory defaultTrust() throws SQLException {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null); // the JVM's: javax.net.ssl.trustStore, else cacerts
      return factory;
    } catch (GeneralSecurityException e) {
      throw new SQLNonTransientConnectionException(
          "Cannot read the JVM's trust store (" + e.getMessage() + "): " + FIX_TRUST,
          SqlErrors.CONNECTION_FAILURE,
          e);
    }
  }

  private static TrustManagerFactory caFileTrust(Path file) throws SQLException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw badFile(
          "ssl_ca_file",
          file,
          "is not a PEM file of certificates (-----BEGIN " + "CERTIFICATE-----): " + e.getMessage(),
          e);
    }
    if (certificates.isEmpty()) {
      throw badFile("ssl_ca_file", file, "holds no certificate", null);
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      return trustFrom(store);
    } catch (IOException | GeneralSecurityException e) {
      throw badFile("ssl_ca_file", file, "cannot be used as trust: " + e.getMessage(), e);
    }
  }

  private static TrustManagerFactory trustStoreTrust(Path file, ConnectionConfig config)
      throws SQLException {
    String type = config.sslTrustStoreType().orElse(KeyStore.getDefaultType());
    char[] password = config.sslTrustStorePassword().map(String::toCharArray).orElse(null);
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance(type);
      store.load(in, password);
    } catch (IOException | GeneralSecurityException e) {
      // The JDK's messages ("keystore password was incorrect") never contain the password.
      throw badFile(
          "ssl_trust_store",
          file,
          "cannot be read as a "
              + type
              + " trust store ("
              + e.getMessage()
              + "): check ssl_trust_store_password and ssl_trust_store_type",
          e);
    }
    try {
      if (Collections.list(store.aliases()).stream().noneMatch(a -> isCertificate(store, a))) {
        throw badFile("ssl_trust_store", file, "holds no trusted certificate", null);
      }
      return trustFrom(store);
    } catch (GeneralSecurityException e) {
      throw badFile("ssl_trust_store", file, "cannot be used as trust: " + e.getMessage(), e);
    }
  }

  private static boolean isCertificate(KeyStore store, String alias) {
    try {
      return store.isCertificateEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static TrustManagerFactory trustFrom(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static SQLException badFile(String property, Path file, String problem, Throwable cause) {
    return new SQLNonTransientConnectionException(
        "The file " + file + " of connection property '" + property + "' " + problem,
        SqlErrors.CONNECTION_FAILURE,
        cause);
  }

  @Override
  public String toString() {
    return trust;
  }

  /**
   * gRPC's Netty transport logs every HTTP/2 frame at FINE (DEBUG) on the logger of its
   * NettyClientHandler, headers included, so turning on fine logging for {@code io.grpc} would
   * print the {@code authorization} header. This filter on that logger replaces the secrets of this
   * JVM's connections, and any authorization header value, with {@code (hidden)} before a handler
   * sees the record. Only records that pass the level check reach it, so it costs nothing when that
   * logging is off. (When Netty logs through SLF4J instead, the application's logging configuration
   * must keep that logger at INFO or above; docs/security.md says so.)
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
