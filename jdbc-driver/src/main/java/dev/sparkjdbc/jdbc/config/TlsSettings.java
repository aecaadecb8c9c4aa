package dev.sparkjdbc.jdbc.config;

import dev.sparkjdbc.jdbc.errors.SqlState;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
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
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a connection's channel is secured: plaintext, or TLS that trusts the JVM's trust store, a
 * trust store file ({@code ssl_trust_store}), a PEM CA file ({@code ssl_ca_file}), or, with {@code
 * ssl_verify=false}, any certificate. Trust material is read once, when the configuration is
 * parsed, so that its errors are SQLExceptions naming the property; applying it to a channel
 * ({@code client.TransportSecurity}) cannot fail.
 *
 * <p>TLS always uses the JDK's TLS engine, not the OpenSSL one grpc-netty-shaded may bundle: the
 * same behaviour and error messages on every platform, and nothing native to break when the driver
 * jar is relocated.
 */
public final class TlsSettings {
  /** What to do about an untrusted certificate, for messages here and in the client. */
  public static final String FIX_TRUST =
      "set ssl_ca_file to the PEM file of the CA that signed "
          + "it, or ssl_trust_store to a trust store holding that CA";

  /** Null for plaintext. */
  private final SslContext sslContext;

  private final boolean verify;

  /** Where trust comes from, for toString; never holds a secret. */
  private final String trust;

  private TlsSettings(SslContext sslContext, boolean verify, String trust) {
    this.sslContext = sslContext;
    this.verify = verify;
    this.trust = trust;
  }

  /** The TLS context of the channel; null for plaintext. */
  public SslContext sslContext() {
    return sslContext;
  }

  /** False when certificates go unverified ({@code ssl_verify=false}). */
  public boolean verify() {
    return verify;
  }

  /** Validates the TLS properties together and reads the trust material they name. */
  static TlsSettings of(ConnectionConfig config) throws SQLException {
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
      return new TlsSettings(null, true, "plaintext");
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
      return new TlsSettings(
          build(InsecureTrustManagerFactory.INSTANCE, false),
          false,
          "TLS without certificate verification (ssl_verify=false)");
    }
    if (caFile) {
      Path file = config.sslCaFile().get();
      return new TlsSettings(
          build(caFileTrust(file), true), true, "TLS, trusting ssl_ca_file " + file);
    }
    if (trustStore) {
      Path file = config.sslTrustStore().get();
      return new TlsSettings(
          build(trustStoreTrust(file, config), true),
          true,
          "TLS, trusting ssl_trust_store " + file);
    }
    return new TlsSettings(
        build(defaultTrust(), true), true, "TLS, trusting the JVM's trust store");
  }

  private static SQLException conflict(String problem) {
    return new SQLNonTransientConnectionException(
        "Conflicting TLS connection properties: " + problem, SqlState.CONNECTION_FAILURE);
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
          "Cannot set up TLS: " + e.getMessage(), SqlState.CONNECTION_FAILURE, e);
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
          SqlState.CONNECTION_FAILURE,
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
        SqlState.CONNECTION_FAILURE,
        cause);
  }

  @Override
  public String toString() {
    return trust;
  }
}
