package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.plan.TranslationConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

  private ConnectionConfig(String host, int port, Map<ConnectionProperty, Object> values,
      Map<String, String> headers) {
    this.host = host;
    this.port = port;
    this.values = values;
    this.headers = headers;
  }

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
  }

  static ConnectionConfig parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw SqlErrors.invalidUrl(url, "it must start with " + URL_PREFIX);
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
        throw SqlErrors.invalidUrl(url, "the IPv6 address '" + authority + "' lacks its closing ']'");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw SqlErrors.invalidUrl(url, "unexpected '" + after + "' after the host");
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw SqlErrors.invalidUrl(url, "the host is missing (expected " + URL_PREFIX + "host:port)");
    }
    int port = portText == null ? DEFAULT_PORT : parsePort(url, portText);

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
        throw SqlErrors.invalidUrl(url, "the parameter '" + part + "' is not key=value");
      }
      String key = decode(part.substring(0, eq).trim());
      String value = decode(part.substring(eq + 1));
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
    throw SqlErrors.invalidUrl(url, "the port '" + text + "' is not a number from 1 to 65535");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
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
    Object id = values.getOrDefault(ConnectionProperty.USER_ID, values.get(ConnectionProperty.USER));
    if (id != null && !((String) id).isEmpty()) {
      return (String) id;
    }
    return System.getProperty("user.name", "");
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
