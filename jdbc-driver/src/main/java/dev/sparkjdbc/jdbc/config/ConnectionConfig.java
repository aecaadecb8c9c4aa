package dev.sparkjdbc.jdbc.config;

import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import dev.sparkjdbc.plan.TranslationConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A connection's settings, parsed once from {@code
 * jdbc:sc://host[:port][,host[:port]…][/;key=value;…]} plus the {@code Properties} given to {@code
 * connect}. URL parameters win over properties.
 *
 * <p>Several endpoints ({@code h1:15002,h2:15002}) are for connect-time failover: a config names
 * them all, and {@link #at} gives the config of the one a connection uses, whose {@link #host} and
 * {@link #port} the channel, TLS host-name verification and {@code compression=auto} then see.
 *
 * <p>Keys that are not connection properties: in the URL they become gRPC request headers, as in
 * Spark Connect's connection string; in {@code Properties} they are ignored (tools put their own
 * entries there), except names starting with {@code x-}, which become headers too. Each unknown
 * key, except an {@code x-} header, gives the connection a warning naming the nearest property, or
 * fails {@code connect} when {@code strict_properties=true}.
 */
public final class ConnectionConfig {
  public static final String URL_PREFIX = "jdbc:sc://";

  /** The URL's form, for messages. */
  public static final String URL_FORM =
      URL_PREFIX + "host[:port][,host[:port]...][/;key=value;...]";

  public static final int DEFAULT_PORT = 15002;

  /** SQLSTATE of the warning about an unknown key (ODBC: invalid connection string attribute). */
  private static final String CUSTOM_HEADER_PREFIX = "x-";

  private static final int LONGEST_KEY_SHOWN = 100;
  private static final Logger LOG = Logger.getLogger(ConnectionConfig.class.getName());

  /** Every endpoint of the URL, in its order. */
  private final List<Endpoint> endpoints;

  /** The endpoint this config connects to: the first until {@link #at} chose another. */
  private final Endpoint endpoint;

  private final Map<ConnectionProperty, Object> values;
  private final Map<String, String> headers;
  private final List<String> warnings;
  private final int loginTimeoutSeconds;
  private final TlsSettings tls;

  /**
   * Also prepares the transport (TLS trust material is read here) so that a bad trust store or CA
   * file fails {@code connect} with an SQLException before any channel exists.
   */
  private ConnectionConfig(
      List<Endpoint> endpoints,
      Map<ConnectionProperty, Object> values,
      Map<String, String> headers,
      List<String> warnings,
      int loginTimeoutSeconds)
      throws SQLException {
    this.endpoints = endpoints;
    this.endpoint = endpoints.get(0);
    this.values = values;
    this.headers = headers;
    this.warnings = warnings;
    this.loginTimeoutSeconds = loginTimeoutSeconds;
    this.tls = TlsSettings.of(this);
  }

  /** The same settings connecting to {@code endpoint}; the trust material is shared, not reread. */
  private ConnectionConfig(ConnectionConfig all, Endpoint endpoint) {
    this.endpoints = all.endpoints;
    this.endpoint = endpoint;
    this.values = all.values;
    this.headers = all.headers;
    this.warnings = all.warnings;
    this.loginTimeoutSeconds = all.loginTimeoutSeconds;
    this.tls = all.tls;
  }

  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
  }

  /** For {@code DriverManager}: its login timeout, when set, wins over connect_timeout. */
  public static ConnectionConfig parse(String url, Properties info) throws SQLException {
    return parse(url, info, DriverManager.getLoginTimeout());
  }

  /**
   * Parses and validates everything; {@code loginTimeoutSeconds} (the caller's login timeout, 0 for
   * none) wins over connect_timeout when positive.
   */
  public static ConnectionConfig parse(String url, Properties info, int loginTimeoutSeconds)
      throws SQLException {
    // Messages show the URL with secret values hidden: a token in a bad URL is still a secret.
    String shownUrl = redact(url);
    Address address = address(url, shownUrl);
    Map<String, String> raw = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    List<UnknownKey> unknown = new ArrayList<>();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        if (ConnectionProperty.forKey(name).isPresent()) {
          raw.put(name, info.getProperty(name));
        } else if (isCustomHeader(name)) {
          headers.put(name, info.getProperty(name));
        } else {
          unknown.add(new UnknownKey(name, false));
        }
      }
    }
    for (Map.Entry<String, String> e : parameters(shownUrl, address.params()).entrySet()) {
      if (ConnectionProperty.forKey(e.getKey()).isPresent()) {
        raw.put(e.getKey(), e.getValue());
      } else {
        headers.put(e.getKey(), e.getValue());
        if (!isCustomHeader(e.getKey())) {
          unknown.add(new UnknownKey(e.getKey(), true));
        }
      }
    }

    Map<ConnectionProperty, Object> values = new EnumMap<>(ConnectionProperty.class);
    for (Map.Entry<String, String> e : raw.entrySet()) {
      ConnectionProperty property = ConnectionProperty.forKey(e.getKey()).orElseThrow();
      if (e.getValue() == null) {
        continue;
      }
      try {
        values.put(property, property.parse(e.getValue()));
      } catch (IllegalArgumentException bad) {
        String shown = property.isSecret() ? "(hidden)" : "'" + e.getValue() + "'";
        throw SqlErrors.invalidProperty(property.key(), shown, bad.getMessage());
      }
    }
    for (ConnectionProperty p : ConnectionProperty.values()) {
      if (!values.containsKey(p) && p.defaultValue().isPresent()) {
        values.put(p, p.parse(p.defaultValue().get()));
      }
    }
    if ((Boolean) values.get(ConnectionProperty.STRICT_PROPERTIES) && !unknown.isEmpty()) {
      throw strictRefusal(unknown);
    }
    List<String> warnings = new ArrayList<>();
    for (UnknownKey u : unknown) {
      String warning = u.warning();
      warnings.add(warning);
      LOG.warning(warning);
    }
    return new ConnectionConfig(
        address.endpoints(),
        values,
        Collections.unmodifiableMap(headers),
        List.copyOf(warnings),
        loginTimeoutSeconds);
  }

  /**
   * The decoded {@code key=value} parameters of a URL, in order (a repeated key keeps its last
   * value); for {@code getPropertyInfo}, which shows what the URL sets.
   */
  public static Map<String, String> urlParameters(String url) throws SQLException {
    String shownUrl = redact(url);
    return parameters(shownUrl, address(url, shownUrl).params());
  }

  /** The endpoints and the parameter part of a URL. */
  private record Address(List<Endpoint> endpoints, String params) {}

  private static Address address(String url, String shownUrl) throws SQLException {
    if (!accepts(url)) {
      throw SqlErrors.invalidUrl(shownUrl, "it must start with " + URL_PREFIX, URL_FORM);
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
    if (authority.indexOf(',') < 0) {
      // One endpoint: parsed exactly as before lists existed, spaces and all.
      return new Address(List.of(endpoint(shownUrl, authority, "")), params);
    }
    String[] entries = authority.split(",", -1);
    List<Endpoint> endpoints = new ArrayList<>(entries.length);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip(); // "h1, h2": a space after a comma is common
      String which = " (endpoint " + (i + 1) + " of " + entries.length + ")";
      if (entry.isEmpty()) {
        throw SqlErrors.invalidUrl(
            shownUrl,
            "the host list '"
                + fragment(authority)
                + "' has an empty entry"
                + which
                + ": separate endpoints by one comma, as in h1:15002,h2:15002",
            URL_FORM);
      }
      endpoints.add(endpoint(shownUrl, entry, which));
    }
    return new Address(List.copyOf(endpoints), params);
  }

  /**
   * One {@code host[:port]} of the authority; {@code which} names its place in a list for messages
   * (empty for a URL of one endpoint).
   */
  private static Endpoint endpoint(String shownUrl, String authority, String which)
      throws SQLException {
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw SqlErrors.invalidUrl(
            shownUrl,
            "the IPv6 address '" + fragment(authority) + "' lacks its closing ']'" + which,
            URL_FORM);
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw SqlErrors.invalidUrl(
            shownUrl, "unexpected '" + fragment(after) + "' after the host" + which, URL_FORM);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      if (colon > 0 && authority.lastIndexOf(':', colon - 1) >= 0) {
        // "::1" or "fe80::1:15002": which colon starts the port cannot be told.
        throw SqlErrors.invalidUrl(
            shownUrl,
            "the IPv6 address '"
                + fragment(authority)
                + "' must be in brackets"
                + which
                + ", e.g. "
                + URL_PREFIX
                + "[::1]:15002",
            URL_FORM);
      }
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw SqlErrors.invalidUrl(
          shownUrl,
          "the host is missing" + which + " (expected " + URL_PREFIX + "host:port)",
          URL_FORM);
    }
    int port = portText == null ? DEFAULT_PORT : parsePort(shownUrl, portText, which);
    return new Endpoint(host, port);
  }

  private static Map<String, String> parameters(String shownUrl, String params)
      throws SQLException {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String part : params.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw SqlErrors.invalidUrl(
            shownUrl, "the parameter '" + part + "' is not key=value", URL_FORM);
      }
      try {
        parameters.put(
            URLDecoder.decode(part.substring(0, eq).trim(), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException badEscape) {
        throw SqlErrors.invalidUrl(
            shownUrl,
            "the parameter '"
                + part.substring(0, eq).trim()
                + "' has a malformed %-escape (write a literal % as %25)",
            URL_FORM);
      }
    }
    return parameters;
  }

  /** A deliberate custom request header: never warned about. */
  private static boolean isCustomHeader(String key) {
    return key.regionMatches(true, 0, CUSTOM_HEADER_PREFIX, 0, CUSTOM_HEADER_PREFIX.length());
  }

  /** A key that is no connection property, and where it was given. */
  private record UnknownKey(String key, boolean inUrl) {

    /** 'tokn' in the URL (did you mean 'token'?) */
    String described() {
      String shown =
          key.length() <= LONGEST_KEY_SHOWN
              ? key
              : key.substring(0, LONGEST_KEY_SHOWN) + "… (" + key.length() + " characters)";
      return "'"
          + shown
          + "' in the "
          + (inUrl ? "URL" : "Properties")
          + suggestion().map(p -> " (did you mean '" + p.key() + "'?)").orElse("");
    }

    Optional<ConnectionProperty> suggestion() {
      return ConnectionProperty.nearest(key);
    }

    String warning() {
      return "Unknown connection property "
          + described()
          + ": "
          + (inUrl
              ? "sent to the server as a gRPC request header, as Spark Connect does with "
                  + "unknown URL parameters (name deliberate custom headers 'x-…' to avoid this "
                  + "warning)"
              : "ignored")
          + ". Set strict_properties=true to make unknown keys an error.";
    }
  }

  private static SQLException strictRefusal(List<UnknownKey> unknown) {
    StringBuilder s =
        new StringBuilder(
            unknown.size() == 1
                ? "Unknown connection property "
                : "Unknown connection properties ");
    for (int i = 0; i < unknown.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(unknown.get(i).described());
    }
    s.append(
        ": strict_properties=true refuses keys that are not connection properties; correct "
            + "or remove them (custom request headers need a name starting with 'x-')");
    return new SQLNonTransientConnectionException(s.toString(), SqlState.CONNECTION_FAILURE);
  }

  private static int parsePort(String url, String text, String which) throws SQLException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // fall through to the error below
    }
    throw SqlErrors.invalidUrl(
        url, "the port '" + fragment(text) + "' is not a number from 1 to 65535" + which, URL_FORM);
  }

  /** A piece of a malformed URL for a message; hidden when it may hold a key=value secret. */
  private static String fragment(String text) {
    return text.contains("=") ? "(hidden; parameters go after '/;')" : text;
  }

  /**
   * The URL with the value of every secret parameter replaced by {@code (hidden)}. Values of
   * parameters that become request headers are hidden too: headers often carry credentials.
   */
  public static String redact(String url) {
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

  /** The host of the endpoint this config connects to. */
  public String host() {
    return endpoint.host();
  }

  /** The port of the endpoint this config connects to. */
  public int port() {
    return endpoint.port();
  }

  /** Every endpoint of the URL, in the URL's order; one for most URLs. */
  public List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The endpoint this config connects to. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** These settings, connecting to {@code endpoint} (one of {@link #endpoints}). */
  public ConnectionConfig at(Endpoint endpoint) {
    if (!endpoints.contains(endpoint)) {
      throw new IllegalArgumentException(endpoint + " is not an endpoint of " + displayUrl());
    }
    return endpoint.equals(this.endpoint) ? this : new ConnectionConfig(this, endpoint);
  }

  /** Try the endpoints in a random order per connection ({@code load_balance_hosts}). */
  public boolean loadBalanceHosts() {
    return (Boolean) values.get(ConnectionProperty.LOAD_BALANCE_HOSTS);
  }

  public Map<String, String> headers() {
    return headers;
  }

  public boolean useSsl() {
    return (Boolean) values.get(ConnectionProperty.USE_SSL);
  }

  /** False only when the user explicitly turned certificate verification off. */
  public boolean sslVerify() {
    return (Boolean) values.get(ConnectionProperty.SSL_VERIFY);
  }

  public Optional<Path> sslCaFile() {
    return Optional.ofNullable((Path) values.get(ConnectionProperty.SSL_CA_FILE));
  }

  public Optional<Path> sslTrustStore() {
    return Optional.ofNullable((Path) values.get(ConnectionProperty.SSL_TRUST_STORE));
  }

  public Optional<String> sslTrustStorePassword() {
    return Optional.ofNullable((String) values.get(ConnectionProperty.SSL_TRUST_STORE_PASSWORD));
  }

  public Optional<String> sslTrustStoreType() {
    return Optional.ofNullable((String) values.get(ConnectionProperty.SSL_TRUST_STORE_TYPE));
  }

  /** Plaintext or TLS with the configured trust, ready to apply to a channel builder. */
  public TlsSettings tlsSettings() {
    return tls;
  }

  /** The bearer token: {@code token}, else a non-empty {@code password}. */
  public Optional<String> token() {
    Object token = values.get(ConnectionProperty.TOKEN);
    if (token != null) {
      return Optional.of((String) token);
    }
    Object password = values.get(ConnectionProperty.PASSWORD);
    return password == null || ((String) password).isEmpty()
        ? Optional.empty()
        : Optional.of((String) password);
  }

  public String userId() {
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

  public String userAgent() {
    return (String) values.get(ConnectionProperty.USER_AGENT);
  }

  public Optional<String> applicationName() {
    return Optional.ofNullable((String) values.get(ConnectionProperty.APPLICATION_NAME));
  }

  public String sessionId() {
    Object id = values.get(ConnectionProperty.SESSION_ID);
    return id != null ? (String) id : UUID.randomUUID().toString();
  }

  /** Whether the user named the server session ({@code session_id}), so others may share it. */
  public boolean namesSession() {
    return values.get(ConnectionProperty.SESSION_ID) != null;
  }

  /**
   * The codec to ask Spark to compress results with as given ({@link Compression#resolve} decides
   * what {@link Compression#AUTO} means); {@link Compression#SERVER} to ask nothing.
   */
  public Compression compression() {
    return (Compression) values.get(ConnectionProperty.COMPRESSION);
  }

  /** The zstd level to set with {@code compression=zstd}; empty (0) to leave the session's. */
  public Optional<Integer> compressionLevel() {
    int level = (Integer) values.get(ConnectionProperty.COMPRESSION_LEVEL);
    return level == 0 ? Optional.empty() : Optional.of(level);
  }

  public int maxMessageSize() {
    return (Integer) values.get(ConnectionProperty.GRPC_MAX_MESSAGE_SIZE);
  }

  /** Seconds of silence during a call before a keep-alive ping; 0 for no pings. */
  public int keepAliveTimeSeconds() {
    return (Integer) values.get(ConnectionProperty.GRPC_KEEP_ALIVE_TIME);
  }

  /** Seconds a keep-alive ping may go unanswered before the link counts as broken. */
  public int keepAliveTimeoutSeconds() {
    return (Integer) values.get(ConnectionProperty.GRPC_KEEP_ALIVE_TIMEOUT);
  }

  /** The HTTP/2 flow-control window in bytes; 0 for gRPC's automatic tuning. */
  public int flowControlWindow() {
    return (Integer) values.get(ConnectionProperty.GRPC_FLOW_CONTROL_WINDOW);
  }

  /** Result chunks received ahead of the reader in a background thread; 0 for none. */
  public int readAhead() {
    return (Integer) values.get(ConnectionProperty.READ_AHEAD);
  }

  /** Seconds to wait when connecting; 0 means no limit. The login timeout wins when set. */
  public int connectTimeoutSeconds() {
    return loginTimeoutSeconds > 0
        ? loginTimeoutSeconds
        : (Integer) values.get(ConnectionProperty.CONNECT_TIMEOUT);
  }

  /**
   * Whether {@link #connectTimeoutSeconds} is the caller's login timeout, a budget for the whole
   * connect over every endpoint, rather than connect_timeout, a limit per endpoint.
   */
  public boolean hasLoginTimeout() {
    return loginTimeoutSeconds > 0;
  }

  /**
   * One message per key that is no connection property (never with its value), for the connection's
   * warnings; empty when there were none.
   */
  public List<String> warnings() {
    return warnings;
  }

  public TranslationConfig translation() {
    return new TranslationConfig(
        (TranslationConfig.Quoting) values.get(ConnectionProperty.QUOTING),
        (TranslationConfig.Mode) values.get(ConnectionProperty.TRANSLATION_MODE));
  }

  /**
   * The URL's endpoints without parameters (so without secrets), in the URL's order, each with its
   * port: for {@code getURL} and messages about the whole URL.
   */
  public String displayUrl() {
    StringBuilder s = new StringBuilder(URL_PREFIX);
    for (int i = 0; i < endpoints.size(); i++) {
      s.append(i == 0 ? "" : ",").append(endpoints.get(i).authority());
    }
    return s.toString();
  }

  /** The URL of the endpoint this config connects to, for messages about that server. */
  public String endpointUrl() {
    return endpoint.url();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ConnectionConfig[").append(displayUrl());
    if (endpoints.size() > 1) {
      s.append(", endpoint=").append(endpoint);
    }
    values.forEach(
        (p, v) -> s.append(", ").append(p.key()).append('=').append(p.isSecret() ? "(hidden)" : v));
    if (!headers.isEmpty()) {
      s.append(", headers=").append(headers.keySet());
    }
    return s.append(']').toString();
  }

  /**
   * The URL of a data source configured by the JDBC standard's {@code serverName} and {@code
   * portNumber} bean properties; refuses a server name that is not a host name or an IP address.
   */
  public static String urlOf(String serverName, int port) throws SQLException {
    if (serverName == null || serverName.isBlank()) {
      throw new SQLNonTransientConnectionException(
          "The DataSource has no server: set serverName (and portNumber, default "
              + DEFAULT_PORT
              + ") or url ("
              + URL_PREFIX
              + "host:port)",
          SqlState.CONNECTION_FAILURE);
    }
    String host = serverName.trim();
    if (host.indexOf(',') >= 0) {
      throw new SQLNonTransientConnectionException(
          "Invalid serverName '"
              + serverName
              + "': it names one host; for several endpoints set the DataSource's url instead"
              + " (jdbc:sc://h1:15002,h2:15002/) and leave serverName and portNumber unset",
          SqlState.CONNECTION_FAILURE);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()
        || host.chars()
            .anyMatch(
                c ->
                    "/;[]@?#%\\".indexOf(c) >= 0
                        || Character.isWhitespace(c)
                        || Character.isISOControl(c))) {
      throw new SQLNonTransientConnectionException(
          "Invalid serverName '"
              + serverName
              + "': expected a host name or an "
              + "IP address (parameters go in the other bean properties)",
          SqlState.CONNECTION_FAILURE);
    }
    if (port < 1 || port > 65535) {
      throw new SQLNonTransientConnectionException(
          "Invalid portNumber " + port + ": must be from 1 to 65535", SqlState.CONNECTION_FAILURE);
    }
    return URL_PREFIX + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
