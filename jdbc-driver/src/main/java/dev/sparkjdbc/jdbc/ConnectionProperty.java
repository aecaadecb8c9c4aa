package dev.sparkjdbc.jdbc;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import dev.sparkjdbc.plan.TranslationConfig;

/**
 * Every connection property, declared once: its name, type, default, description and the
 * parsing that validates it. URL parsing, {@code Properties} handling and {@code
 * getPropertyInfo} all derive from this table.
 *
 * <p>The first six are the Spark Connect connection-string parameters, spelled as Spark
 * spells them; the rest are this driver's own.
 */
enum ConnectionProperty {
  TOKEN("token", null, true, "Bearer token sent as the Authorization header (Spark's "
      + "spark.connect.authenticate.token). When absent, a non-empty 'password' is used instead.",
      ConnectionProperty::headerValue),
  USE_SSL("use_ssl", "false", false, "Connect with TLS (true/false); the server's certificate is "
      + "checked against the JVM's trust store unless ssl_ca_file or ssl_trust_store is set.",
      ConnectionProperty::bool),
  USER_ID("user_id", null, false, "User id sent in the user context of every request; defaults "
      + "to 'user', then to the operating-system user.", ConnectionProperty::nonEmpty),
  USER_AGENT("user_agent", "sparkjdbc", false, "Client name the server logs for this connection.",
      ConnectionProperty::nonEmpty),
  APPLICATION_NAME("application_name", null, false, "Name of the application, sent as the "
      + "operation tag 'application=<name>' with every statement so that operators can find its "
      + "work on the server; the initial value of the client info property ApplicationName.",
      ConnectionProperty::nonEmpty),
  SESSION_ID("session_id", null, false, "Server session to use (a UUID); a new random one when "
      + "absent.", ConnectionProperty::uuid),
  GRPC_MAX_MESSAGE_SIZE("grpc_max_message_size", Integer.toString(128 * 1024 * 1024), false,
      "Largest gRPC message accepted from the server, in bytes.", ConnectionProperty::positiveInt),
  SSL_CA_FILE("ssl_ca_file", null, false, "PEM file with the CA certificate(s) to trust for TLS, "
      + "instead of the JVM's trust store (needs use_ssl=true).", ConnectionProperty::readableFile),
  SSL_TRUST_STORE("ssl_trust_store", null, false, "Trust store file (PKCS12 or JKS) with the CA "
      + "certificate(s) to trust for TLS, instead of the JVM's trust store (needs use_ssl=true).",
      ConnectionProperty::readableFile),
  SSL_TRUST_STORE_PASSWORD("ssl_trust_store_password", null, true, "Password of ssl_trust_store, "
      + "if it has one.", s -> s),
  SSL_TRUST_STORE_TYPE("ssl_trust_store_type", null, false, "Type of ssl_trust_store, e.g. PKCS12 "
      + "or JKS; the JVM's default type (PKCS12, which also reads JKS files) when absent.",
      ConnectionProperty::keyStoreType),
  SSL_VERIFY("ssl_verify", "true", false, "Verify the server's TLS certificate and host name. "
      + "false accepts any certificate: still encrypted, but anyone in between can read and change "
      + "the traffic, token included; for tests only (logs a warning per connection).",
      ConnectionProperty::bool),
  USER("user", null, false, "JDBC user name; the default for user_id, except the user name "
      + "'token', which only says that the password is the token.", s -> s),
  PASSWORD("password", null, true, "JDBC password; used as the bearer token when 'token' is not "
      + "given (for tools that only offer user/password fields: user 'token', password = the "
      + "token).", s -> s),
  CONNECT_TIMEOUT("connect_timeout", "10", false, "Seconds to wait for the server when "
      + "connecting (0 = wait forever); DriverManager's login timeout wins when set.",
      ConnectionProperty::nonNegativeInt),
  TRANSLATION_MODE("translation_mode", "translate", false, "How queries reach Spark: 'translate' "
      + "(into Spark Connect plans, sending what cannot be translated as SQL text), 'strict' "
      + "(a query that cannot be translated is an error) or 'text' (always SQL text).",
      s -> oneOf(s, TranslationConfig.Mode.class)),
  QUOTING("quoting", "backtick", false, "Identifier quotes of your SQL: 'backtick' (`name`, as "
      + "in Spark) or 'ansi' (\"name\").", ConnectionProperty::quoting);

  private final String key;
  private final String defaultValue;
  private final boolean secret;
  private final String description;
  private final Function<String, Object> parser;

  ConnectionProperty(String key, String defaultValue, boolean secret, String description,
      Function<String, Object> parser) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
    this.parser = parser;
  }

  String key() {
    return key;
  }

  Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  boolean isSecret() {
    return secret;
  }

  String description() {
    return description;
  }

  /** Parses and validates a raw value; the exception message says what a valid value is. */
  Object parse(String raw) {
    return parser.apply(raw);
  }

  static Optional<ConnectionProperty> forKey(String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    for (ConnectionProperty p : values()) {
      if (p.key.equals(wanted)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static <E extends Enum<E>> E oneOf(String s, Class<E> values) {
    for (E e : values.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("must be one of " + java.util.Arrays.stream(
        values.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static Object quoting(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "backtick" -> TranslationConfig.Quoting.BACK_TICK;
      case "ansi" -> TranslationConfig.Quoting.DOUBLE_QUOTE;
      default -> throw new IllegalArgumentException("must be 'backtick' or 'ansi'");
    };
  }

  /**
   * The token travels as an HTTP/2 header value: ASCII without control characters, and no
   * leading or trailing white space (RFC 9113), or it would be altered or rejected on the way.
   * The message never shows the value: the token is a secret.
   */
  private static Object headerValue(String s) {
    nonEmpty(s);
    boolean printable = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    if (!printable || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
      throw new IllegalArgumentException("must be ASCII without control characters and without "
          + "leading or trailing spaces (it is sent as an HTTP header)");
    }
    return s;
  }

  private static Object nonEmpty(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return s;
  }

  private static Object bool(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static Object readableFile(String s) {
    Path path;
    try {
      path = Path.of(s.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a file path");
    }
    if (s.isBlank() || !Files.isRegularFile(path)
        || !Files.isReadable(path)) {
      throw new IllegalArgumentException("no readable file at this path");
    }
    return path;
  }

  /** Validated here so that a typo fails with the property's name, not deep in the TLS setup. */
  private static Object keyStoreType(String s) {
    try {
      KeyStore.getInstance(s.trim());
      return s.trim();
    } catch (KeyStoreException e) {
      throw new IllegalArgumentException("this JVM knows no such trust store type (use PKCS12 or "
          + "JKS)");
    }
  }

  private static Object uuid(String s) {
    try {
      return UUID.fromString(s.trim()).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
  }

  private static Object positiveInt(String s) {
    int value = integer(s);
    if (value <= 0) {
      throw new IllegalArgumentException("must be a positive integer");
    }
    return value;
  }

  private static Object nonNegativeInt(String s) {
    int value = integer(s);
    if (value < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    return value;
  }

  private static int integer(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be an integer");
    }
  }
}
