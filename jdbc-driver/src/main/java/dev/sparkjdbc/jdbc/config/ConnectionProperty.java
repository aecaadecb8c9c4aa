package dev.sparkjdbc.jdbc.config;

import dev.sparkjdbc.plan.TranslationConfig;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every connection property, declared once: its name, type, default, description and the parsing
 * that validates it. URL parsing, {@code Properties} handling, {@code getPropertyInfo}, the bean
 * properties of {@link dev.sparkjdbc.jdbc.SparkConnectDataSource} and the property reference
 * ({@link PropertyReference}, docs/properties.md) all derive from this table.
 *
 * <p>The first six are the Spark Connect connection-string parameters, spelled as Spark spells
 * them; the rest are this driver's own.
 */
public enum ConnectionProperty {
  TOKEN(
      "token",
      PropertyType.string(ConnectionProperty::headerValue),
      null,
      true,
      "Bearer token sent as the Authorization header (Spark's spark.connect.authenticate.token)."
          + " When absent, a non-empty 'password' is used instead."),
  USE_SSL(
      "use_ssl",
      PropertyType.BOOLEAN,
      "false",
      false,
      "Connect with TLS; the server's "
          + "certificate is checked against the JVM's trust store unless ssl_ca_file or "
          + "ssl_trust_store is set."),
  USER_ID(
      "user_id",
      PropertyType.NON_EMPTY_STRING,
      null,
      false,
      "User id sent in the user "
          + "context of every request; defaults to 'user', then to the operating-system user."),
  USER_AGENT(
      "user_agent",
      PropertyType.NON_EMPTY_STRING,
      "sparkjdbc",
      false,
      "Client name the server logs for this connection."),
  APPLICATION_NAME(
      "application_name",
      PropertyType.NON_EMPTY_STRING,
      null,
      false,
      "Name of the "
          + "application, sent as the operation tag 'application=<name>' with every statement so "
          + "that operators can find its work on the server; the initial value of the client info "
          + "property ApplicationName."),
  SESSION_ID(
      "session_id",
      PropertyType.UUID,
      null,
      false,
      "Server session to use; a new random " + "one when absent."),
  GRPC_MAX_MESSAGE_SIZE(
      "grpc_max_message_size",
      PropertyType.integer(1),
      Integer.toString(128 * 1024 * 1024),
      false,
      "Largest gRPC message accepted from the server, in bytes."),
  GRPC_KEEP_ALIVE_TIME(
      "grpc_keep_alive_time",
      PropertyType.integer(0),
      "60",
      false,
      "Seconds without a message from the server, while a call is outstanding, after which the "
          + "driver sends an HTTP/2 keep-alive ping, so that a dead peer or a silently dropped "
          + "network is noticed (SQLSTATE 08S01) without a network timeout; 0 = no pings. gRPC "
          + "raises values under 10 to 10. Idle connections send no pings: a stock Spark server "
          + "allows them at most every 2 hours and closes connections that ping more often."),
  GRPC_KEEP_ALIVE_TIMEOUT(
      "grpc_keep_alive_timeout",
      PropertyType.integer(1),
      "20",
      false,
      "Seconds to wait for the answer to a keep-alive ping before the connection counts as "
          + "broken."),
  GRPC_FLOW_CONTROL_WINDOW(
      "grpc_flow_control_window",
      // HTTP/2's smallest window (RFC 9113, 6.9.2) up to its largest.
      PropertyType.zeroOrAtLeast(65_535),
      // The one place the default lives: bin/bench network measured it (docs/benchmarks.md).
      Integer.toString(32 * 1024 * 1024),
      false,
      "HTTP/2 flow-control window for results, in bytes: how much the server may send before"
          + " the driver acknowledges it. A stream moves at most about half a window per round"
          + " trip, so over a long link the window, not the link, can set the pace; it is also"
          + " the most a result the application is not reading holds in the driver's network"
          + " buffers. 0 = gRPC's own tuning (starts at 1 MiB, grows to at most 8 MiB)."),
  READ_AHEAD(
      "read_ahead",
      PropertyType.integer(0, 64),
      "2",
      false,
      "Result chunks (Arrow "
          + "batches of up to a few MiB each) that a background thread receives ahead of the "
          + "application's ResultSet.next(), for results of more than two chunks, so that the "
          + "network overlaps the reading; 0 = receive on the reading thread only."),
  COMPRESSION(
      "compression",
      PropertyType.choice(Compression.class),
      // The one place the default lives: bin/bench network measured zstd paying on 100 Mbit/s
      // and 1 Gbit/s links (docs/benchmarks.md).
      "auto",
      false,
      "Compression of results on the wire: 'auto' is zstd when the server is not on this machine"
          + " and the session is the connection's own (no session_id), else 'server'; 'server'"
          + " leaves the session's setting alone (right for a shared session_id or when an"
          + " administrator set it), 'none', 'lz4' or 'zstd' set"
          + " Spark's spark.sql.execution.arrow.compression.codec when connecting (Spark 4.1+;"
          + " older servers ignore it). Set without waiting, so a first query racing it may still"
          + " come back uncompressed; a failure to set it is a warning on the connection."),
  COMPRESSION_LEVEL(
      "compression_level",
      // zstd's own range (ZSTD_minCLevel, ZSTD_maxCLevel): Spark passes the level through. 0 is
      // zstd's "default level" too, so "not set" needs no value of its own.
      PropertyType.integer(-(1 << 17), 22),
      "0",
      false,
      "zstd level for compression=zstd (Spark's spark.sql.execution.arrow.compression.zstd.level;"
          + " higher: smaller and slower, negative: faster); 0 leaves the session's level alone"
          + " (Spark's default is 3)."),
  SSL_CA_FILE(
      "ssl_ca_file",
      PropertyType.FILE,
      null,
      false,
      "PEM file with the CA certificate(s) to trust for TLS, instead of the JVM's trust store"
          + " (needs use_ssl=true)."),
  SSL_TRUST_STORE(
      "ssl_trust_store",
      PropertyType.FILE,
      null,
      false,
      "Trust store file (PKCS12 "
          + "or JKS) with the CA certificate(s) to trust for TLS, instead of the JVM's trust store "
          + "(needs use_ssl=true)."),
  SSL_TRUST_STORE_PASSWORD(
      "ssl_trust_store_password",
      PropertyType.STRING,
      null,
      true,
      "Password of ssl_trust_store, if it has one."),
  SSL_TRUST_STORE_TYPE(
      "ssl_trust_store_type",
      PropertyType.string(ConnectionProperty::keyStoreType),
      null,
      false,
      "Type of "
          + "ssl_trust_store, e.g. PKCS12 or JKS; the JVM's default type (PKCS12, which also reads "
          + "JKS files) when absent."),
  SSL_VERIFY(
      "ssl_verify",
      PropertyType.BOOLEAN,
      "true",
      false,
      "Verify the server's TLS "
          + "certificate and host name. false accepts any certificate: still encrypted, but anyone "
          + "in between can read and change the traffic, token included; for tests only (logs a "
          + "warning per connection)."),
  USER(
      "user",
      PropertyType.STRING,
      null,
      false,
      "JDBC user name; the default for user_id, "
          + "except the user name 'token', which only says that the password is the token."),
  PASSWORD(
      "password",
      PropertyType.STRING,
      null,
      true,
      "JDBC password; used as the bearer "
          + "token when 'token' is not given (for tools that only offer user/password fields: user "
          + "'token', password = the token)."),
  CONNECT_TIMEOUT(
      "connect_timeout",
      PropertyType.integer(0),
      "10",
      false,
      "Seconds to wait "
          + "for the server when connecting (0 = wait forever), per endpoint when the URL lists "
          + "several; a login timeout (DriverManager.setLoginTimeout, DataSource.setLoginTimeout) "
          + "wins when set, as a limit for the whole connect shared by the endpoints."),
  LOAD_BALANCE_HOSTS(
      // pgjdbc's loadBalanceHosts in this driver's snake_case: the bean name is the same.
      "load_balance_hosts",
      PropertyType.BOOLEAN,
      "false",
      false,
      "With several endpoints in the URL (jdbc:sc://h1:15002,h2:15002/), try them in a random "
          + "order for each connection, spreading connections over the servers; false tries them "
          + "in the URL's order. Either way a connection stays on the server it connected to."),
  TRANSLATION_MODE(
      "translation_mode",
      PropertyType.choice(TranslationConfig.Mode.class),
      "translate",
      false,
      "How queries reach Spark: 'translate' (into Spark Connect plans, "
          + "sending what cannot be translated as SQL text), 'strict' (a query that cannot be "
          + "translated is an error) or 'text' (always SQL text)."),
  QUOTING(
      "quoting",
      PropertyType.choice(
          Map.entry("backtick", TranslationConfig.Quoting.BACK_TICK),
          Map.entry("ansi", TranslationConfig.Quoting.DOUBLE_QUOTE)),
      "backtick",
      false,
      "Identifier quotes of your SQL: 'backtick' (`name`, as in Spark) or 'ansi' (\"name\")."),
  STRICT_PROPERTIES(
      "strict_properties",
      PropertyType.BOOLEAN,
      "false",
      false,
      "Refuse to "
          + "connect when the URL or the Properties hold a key that is not a connection property "
          + "(custom request headers starting with 'x-' excepted), instead of warning about it.");

  /** Typos up to this long get a "did you mean" suggestion; longer keys are not compared. */
  private static final int LONGEST_KEY_TO_SUGGEST_FOR = 64;

  private final String key;
  private final PropertyType type;
  private final String defaultValue;
  private final boolean secret;
  private final String description;

  ConnectionProperty(
      String key, PropertyType type, String defaultValue, boolean secret, String description) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public PropertyType type() {
    return type;
  }

  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public boolean isSecret() {
    return secret;
  }

  public String description() {
    return description;
  }

  /**
   * The DataSource bean property: the key in camelCase ({@code use_ssl} → {@code useSsl}, setter
   * {@code setUseSsl}).
   */
  public String beanName() {
    StringBuilder s = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        s.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return s.toString();
  }

  /** Parses and validates a raw value; the exception message says what a valid value is. */
  public Object parse(String raw) {
    return type.parse(raw);
  }

  public static Optional<ConnectionProperty> forKey(String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    for (ConnectionProperty p : values()) {
      if (p.key.equals(wanted)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static Optional<ConnectionProperty> forBeanName(String beanName) {
    for (ConnectionProperty p : values()) {
      if (p.beanName().equals(beanName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The property an unknown key most likely meant: the same letters without separators or case
   * ({@code useSsl}, {@code USE-SSL}), or a typo a few edits away ({@code tokne}, {@code usr}).
   */
  public static Optional<ConnectionProperty> nearest(String unknownKey) {
    if (unknownKey.length() > LONGEST_KEY_TO_SUGGEST_FOR) {
      return Optional.empty();
    }
    String wanted = unknownKey.trim().toLowerCase(Locale.ROOT);
    String squeezed = squeeze(wanted);
    int allowed =
        wanted.length() <= 2 ? 0 : wanted.length() <= 5 ? 1 : wanted.length() <= 9 ? 2 : 3;
    ConnectionProperty best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConnectionProperty p : values()) {
      int d =
          !squeezed.isEmpty() && squeeze(p.key).equals(squeezed) ? 0 : editDistance(wanted, p.key);
      if (d < bestDistance) {
        best = p;
        bestDistance = d;
      }
    }
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Lower case without '_', '-', '.' and spaces. */
  private static String squeeze(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "");
  }

  /** Edits (insert, delete, replace, swap two neighbours) from a to b. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * The token travels as an HTTP/2 header value: ASCII without control characters, and no leading
   * or trailing white space (RFC 9113), or it would be altered or rejected on the way. The message
   * never shows the value: the token is a secret.
   */
  private static Object headerValue(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    boolean printable = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    if (!printable || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
      throw new IllegalArgumentException(
          "must be ASCII without control characters and without "
              + "leading or trailing spaces (it is sent as an HTTP header)");
    }
    return s;
  }

  /** Validated here so that a typo fails with the property's name, not deep in the TLS setup. */
  private static Object keyStoreType(String s) {
    try {
      KeyStore.getInstance(s.trim());
      return s.trim();
    } catch (KeyStoreException e) {
      throw new IllegalArgumentException(
          "this JVM knows no such trust store type (use PKCS12 or " + "JKS)");
    }
  }
}
