package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.plan.TranslationConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * A connection's settings, parsed once from {@code jdbc:sc://host[:port][/;key=value;…]} plus the
 * {@code Properties} given to {@code connect}. URL parameters win over properties. Parameters
 * that are not connection properties become gRPC request headers, as in Spark Connect's
 * connection string.
 */
final class ConnectionConfig {
  static final String URL_PREFIX = "jdbc:sc://";
  static final int DEFAULT_PORT = 15002;

  private final String host;
  private final int port;
  private final Map<ConnectionProperty, Object> values;
  private final Map<String, String> headers;
  private final TransportSecurity transport;

  /**
   * Also prepares the transport (TLS trust material is read here) so that a bad trust store or CA
   * file fails {@code connect} with an SQLException before any channel exists.
   */
  private ConnectionConfig(String host, int port, Map<ConnectionProperty, Object> values,
      Map<String, String> headers) throws SQLException {
    this.host = host;
    this.port = port;
    this.values = values;
    this.headers = headers;
    this.transport = TransportSecurity.of(this);
  }

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
  }

  static ConnectionConfig parse(String url, Properties info) throws SQLException {
    // Messages show the URL with secret values hidden: a token in a bad URL is still a secret.
    String shownUrl = redact(url);
    if (!accepts(url)) {
      throw SqlErrors.invalidUrl(shownUrl, "it must start with " + URL_PREFIX);
    }
    String rest = url.substring(URL_PREFIX.length());
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String params = slash < 0 ? "" : rest.substring(slash + 1);
    if (authority.contains(";")) {
      // jdbc:sc://host:port;k=v — forgiving: Spark requires the slash, tools often forget it
      params = authority.substring(authority.indexOf(';')) + (params.isEmpty() ? "" : ";" + params);
      authority = authority.substring(0, authority.indexOf(';'));
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw SqlErrors.invalidUrl(shownUrl,
            "the IPv6 address '" + fragment(authority) + "' lacks its closing ']'");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw SqlErrors.invalidUrl(shownUrl,
            "unexpected '" + fragment(after) + "' after the host");
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw SqlErrors.invalidUrl(shownUrl,
          "the host is missing (expected " + URL_PREFIX + "host:port)");
    }
    int port = portText == null ? DEFAULT_PORT : parsePort(shownUrl, portText);

    Map<String, String> raw = new LinkedHashMap<>();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        raw.put(name, info.getProperty(name));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String part : params.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw SqlErrors.invalidUrl(shownUrl, "the parameter '" + part + "' is not key=value");
      }
      String key;
      String value;
      try {
        key = URLDecoder.decode(part.substring(0, eq).trim(), StandardCharsets.UTF_8);
        value = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badEscape) {
        throw SqlErrors.invalidUrl(shownUrl, "the parameter '" + part.substring(0, eq).trim()
            + "' has a malformed %-escape (write a literal % as %25)");
      }
      if (ConnectionProperty.forKey(key).isPresent()) {
        raw.put(key, value);
      } else {
        headers.put(key, value);
      }
    }

    Map<ConnectionProperty, Object> values = new EnumMap<>(ConnectionProperty.class);
    for (Map.Entry<String, String> e : raw.entrySet()) {
      Optional<ConnectionProperty> property = ConnectionProperty.forKey(e.getKey());
      if (property.isEmpty() || e.getValue() == null) {
        continue; // Properties may carry unrelated entries (tools pass their own).
      }
      try {
        values.put(property.get(), property.get().parse(e.getValue()));
      } catch (IllegalArgumentException bad) {
        String shown = property.get().isSecret() ? "(hidden)" : "'" + e.getValue() + "'";
        throw SqlErrors.invalidProperty(property.get().key(), shown, bad.getMessage());
      }
    }
    for (ConnectionProperty p : ConnectionProperty.values()) {
      if (!values.containsKey(p) && p.defaultValue().isPresent()) {
        values.put(p, p.parse(p.defaultValue().get()));
      }
    }
    return new ConnectionConfig(host, port, values, Collections.unmodifiableMap(headers));
  }

  private static int parsePort(String url, String text) throws SQLException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // fall through to the error below
    }
    throw SqlErrors.invalidUrl(url,
        "the port '" + fragment(text) + "' is not a number from 1 to 65535");
  }

  /** A piece of a malformed URL for a message; hidden when it may hold a key=value secret. */
  private static String fragment(String text) {
    return text.contains("=") ? "(hidden; parameters go after '/;')" : text;
  }

  /**
   * The URL with the value of every secret parameter replaced by {@code (hidden)}. Values of
   * parameters that become request headers are hidden too: headers often carry credentials.
   */
  static String redact(String url) {
    if (url == null) {
      return null;
    }
    String[] parts = url.split(";", -1);
    for (int i = 0; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq < 0) {
        continue;
      }
      // "jdbc:sc://h:1/token=x" (no ';' after the slash) still names the key after the slash
      String key = parts[i].substring(parts[i].lastIndexOf('/', eq) + 1, eq).trim();
      String decoded;
      try {
        decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badEscape) {
        decoded = key;
      }
      if (ConnectionProperty.forKey(decoded).map(ConnectionProperty::isSecret).orElse(true)) {
        parts[i] = parts[i].substring(0, eq + 1) + "(hidden)";
      }
    }
    return String.join(";", parts);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  Map<String, String> headers() {
    return headers;
  }

  boolean useSsl() {
    return (Boolean) values.get(ConnectionProperty.USE_SSL);
  }

  /** False only when the user explicitly turned certificate verification off. */
  boolean sslVerify() {
    return (Boolean) values.get(ConnectionProperty.SSL_VERIFY);
  }

  Optional<Path> sslCaFile() {
    return Optional.ofNullable((Path) values.get(ConnectionProperty.SSL_CA_FILE));
  }

  Optional<Path> sslTrustStore() {
    return Optional.ofNullable((Path) values.get(ConnectionProperty.SSL_TRUST_STORE));
  }

  Optional<String> sslTrustStorePassword() {
    return Optional.ofNullable((String) values.get(ConnectionProperty.SSL_TRUST_STORE_PASSWORD));
  }

  Optional<String> sslTrustStoreType() {
    return Optional.ofNullable((String) values.get(ConnectionProperty.SSL_TRUST_STORE_TYPE));
  }

  /** Plaintext or TLS with the configured trust, ready to apply to a channel builder. */
  TransportSecurity transportSecurity() {
    return transport;
  }

  /** The bearer token: {@code token}, else a non-empty {@code password}. */
  Optional<String> token() {
    Object token = values.get(ConnectionProperty.TOKEN);
    if (token != null) {
      return Optional.of((String) token);
    }
    Object password = values.get(ConnectionProperty.PASSWORD);
    return password == null || ((String) password).isEmpty()
        ? Optional.empty() : Optional.of((String) password);
  }

  String userId() {
    Object id = values.get(ConnectionProperty.USER_ID);
    if (id == null && !isTokenUser()) {
      id = values.get(ConnectionProperty.USER);
    }
    if (id != null && !((String) id).isEmpty()) {
      return (String) id;
    }
    return System.getProperty("user.name", "");
  }

  /**
   * User name {@code token}: the convention of BI tools that only have user/password fields (the
   * password is the token). It names no user, so it is not sent as the user id.
   */
  private boolean isTokenUser() {
    Object user = values.get(ConnectionProperty.USER);
    return user != null && ((String) user).trim().equalsIgnoreCase("token");
  }

  String userAgent() {
    return (String) values.get(ConnectionProperty.USER_AGENT);
  }

  String sessionId() {
    Object id = values.get(ConnectionProperty.SESSION_ID);
    return id != null ? (String) id : UUID.randomUUID().toString();
  }

  int maxMessageSize() {
    return (Integer) values.get(ConnectionProperty.GRPC_MAX_MESSAGE_SIZE);
  }

  /** Seconds to wait when connecting; 0 means no limit. */
  int connectTimeoutSeconds() {
    int login = DriverManager.getLoginTimeout();
    return login > 0 ? login : (Integer) values.get(ConnectionProperty.CONNECT_TIMEOUT);
  }

  TranslationConfig translation() {
    return new TranslationConfig(
        (TranslationConfig.Quoting) values.get(ConnectionProperty.QUOTING),
        (TranslationConfig.Mode) values.get(ConnectionProperty.TRANSLATION_MODE));
  }

  /** The URL without secrets, for messages and metadata. */
  String displayUrl() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return URL_PREFIX + shownHost + ":" + port;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ConnectionConfig[").append(displayUrl());
    values.forEach((p, v) -> s.append(", ").append(p.key()).append('=')
        .append(p.isSecret() ? "(hidden)" : v));
    if (!headers.isEmpty()) {
      s.append(", headers=").append(headers.keySet());
    }
    return s.append(']').toString();
  }
}
