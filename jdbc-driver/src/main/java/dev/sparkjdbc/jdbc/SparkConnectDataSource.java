package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.config.ConnectionProperty;
import dev.sparkjdbc.jdbc.errors.SelfWrapper;
import dev.sparkjdbc.jdbc.errors.SqlErrors;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.ShardingKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for Spark Connect, configured as a JavaBean: for app servers, connection
 * pools (HikariCP's {@code dataSourceClassName}), Spring and JNDI.
 *
 * <p>Where to connect: {@code serverName} and {@code portNumber} (default 15002), the JDBC standard
 * names, or {@code url}, a whole {@code jdbc:sc://} URL (parameters included); not both. Every
 * connection property has a bean property named in camelCase ({@code use_ssl} → {@code
 * setUseSsl(boolean)}, {@code connect_timeout} → {@code setConnectTimeout(int)}), typed by the
 * property's type; the reference is docs/properties.md. {@code getConnection()} behaves as {@code
 * DriverManager.getConnection(url, properties)} with the bean properties set as the properties: a
 * parameter in {@code url} wins over the same bean property.
 *
 * <p>Values are validated when connecting, by the same parsing as URL parameters: an invalid one
 * fails {@code getConnection} with SQLSTATE 08001 naming the property. Setters accept anything of
 * their Java type, so a DataSource can be configured (or deserialized, or bound in JNDI) on a
 * machine that does not have, say, the trust store file.
 *
 * <p>{@code loginTimeout}, when set, wins over {@code connectTimeout}; {@code
 * DriverManager.setLoginTimeout} does not apply here. The log writer, when set, receives one line
 * per connection attempt and its warnings (never a secret); the driver's own logging goes to {@code
 * java.util.logging} ({@link #getParentLogger()}).
 */
public class SparkConnectDataSource
    implements SelfWrapper, DataSource, Referenceable, Serializable {
  private static final long serialVersionUID = 1L;

  private String url;
  private String serverName;
  private Integer portNumber;
  private String description;
  private int loginTimeout;
  private final EnumMap<ConnectionProperty, Object> properties =
      new EnumMap<>(ConnectionProperty.class);
  private transient PrintWriter logWriter;

  public SparkConnectDataSource() {}

  @Override
  public Connection getConnection() throws SQLException {
    return open(getUser(), getPassword());
  }

  /** Connects as {@code user} with {@code password}, instead of the bean's user and password. */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return open(user, password);
  }

  /** A builder for {@link #getConnection(String, String)}; sharding keys are not supported. */
  @Override
  public ConnectionBuilder createConnectionBuilder() {
    return new ConnectionBuilder() {
      private String user = getUser();
      private String password = getPassword();
      private boolean sharded;

      @Override
      public ConnectionBuilder user(String username) {
        this.user = username;
        return this;
      }

      @Override
      public ConnectionBuilder password(String password) {
        this.password = password;
        return this;
      }

      @Override
      public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
        sharded |= shardingKey != null;
        return this;
      }

      @Override
      public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
        sharded |= superShardingKey != null;
        return this;
      }

      @Override
      public Connection build() throws SQLException {
        if (sharded) {
          throw shardingUnsupported();
        }
        return open(user, password);
      }
    };
  }

  static SQLFeatureNotSupportedException shardingUnsupported() {
    return SqlErrors.unsupported("Sharding keys (Spark has no shards)");
  }

  /**
   * Opens one physical connection with these settings and {@code user}/{@code password} in place of
   * the bean's.
   */
  SparkConnectConnection open(String user, String password) throws SQLException {
    try {
      Properties info = connectionProperties();
      info.remove(ConnectionProperty.USER.key());
      info.remove(ConnectionProperty.PASSWORD.key());
      if (user != null) {
        info.setProperty(ConnectionProperty.USER.key(), user);
      }
      if (password != null) {
        info.setProperty(ConnectionProperty.PASSWORD.key(), password);
      }
      ConnectionConfig config = ConnectionConfig.parse(target(), info, loginTimeout);
      SparkConnectConnection connection = SparkConnectConnection.open(config);
      log("Connected: " + connection);
      config.warnings().forEach(this::log);
      return connection;
    } catch (SQLException e) {
      log("Cannot connect: " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")");
      throw e;
    }
  }

  /** Every bean property that is set, as connection-property text. */
  private Properties connectionProperties() {
    Properties info = new Properties();
    synchronized (properties) {
      properties.forEach((p, v) -> info.setProperty(p.key(), String.valueOf(v)));
    }
    return info;
  }

  /** The URL to connect to: {@code url}, or one made of serverName and portNumber. */
  private String target() throws SQLException {
    if (url != null) {
      if (serverName != null || portNumber != null) {
        throw configError(
            "Set either url or serverName/portNumber on the DataSource, not both "
                + "(url is "
                + ConnectionConfig.redact(url)
                + ", serverName "
                + serverName
                + ", portNumber "
                + portNumber
                + ")");
      }
      return url;
    }
    return ConnectionConfig.urlOf(serverName, getPortNumber());
  }

  private static SQLException configError(String message) {
    return new SQLNonTransientConnectionException(message, SqlState.CONNECTION_FAILURE);
  }

  private void log(String line) {
    PrintWriter writer = logWriter;
    if (writer != null) {
      writer.println(getClass().getSimpleName() + ": " + line);
      writer.flush();
    }
  }

  // ---------------------------------------------------------------------------------------
  // JDBC standard bean properties

  /** The whole URL, {@code jdbc:sc://host[:port][/;key=value;…]}; instead of serverName. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getServerName() {
    return serverName;
  }

  /** Host name or IP address of the Spark Connect server (or the proxy in front of it). */
  public void setServerName(String serverName) {
    this.serverName = serverName;
  }

  /** The port; 15002 unless set. */
  public int getPortNumber() {
    return portNumber == null ? ConnectionConfig.DEFAULT_PORT : portNumber;
  }

  public void setPortNumber(int portNumber) {
    this.portNumber = portNumber;
  }

  public String getDescription() {
    return description;
  }

  /** Free text for administrators; not used to connect. */
  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  /** Seconds to wait for the server when connecting; 0 (default) means connectTimeout. */
  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    if (seconds < 0) {
      throw new SQLException("Login timeout must not be negative", SqlState.INVALID_ARGUMENT);
    }
    this.loginTimeout = seconds;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("dev.sparkjdbc.jdbc");
  }

  // ---------------------------------------------------------------------------------------
  // One bean property per connection property, stored in one map keyed by the property

  /** Connection property {@code token}. */
  public String getToken() {
    return string(ConnectionProperty.TOKEN);
  }

  /** Connection property {@code token}; null removes it. */
  public void setToken(String token) {
    set(ConnectionProperty.TOKEN, token);
  }

  /** Connection property {@code use_ssl}. */
  public boolean getUseSsl() {
    return bool(ConnectionProperty.USE_SSL);
  }

  /** Connection property {@code use_ssl}. */
  public void setUseSsl(boolean useSsl) {
    set(ConnectionProperty.USE_SSL, useSsl);
  }

  /** Connection property {@code user_id}. */
  public String getUserId() {
    return string(ConnectionProperty.USER_ID);
  }

  /** Connection property {@code user_id}; null removes it. */
  public void setUserId(String userId) {
    set(ConnectionProperty.USER_ID, userId);
  }

  /** Connection property {@code user_agent}. */
  public String getUserAgent() {
    return string(ConnectionProperty.USER_AGENT);
  }

  /** Connection property {@code user_agent}; null removes it. */
  public void setUserAgent(String userAgent) {
    set(ConnectionProperty.USER_AGENT, userAgent);
  }

  /** Connection property {@code application_name}. */
  public String getApplicationName() {
    return string(ConnectionProperty.APPLICATION_NAME);
  }

  /** Connection property {@code application_name}; null removes it. */
  public void setApplicationName(String applicationName) {
    set(ConnectionProperty.APPLICATION_NAME, applicationName);
  }

  /** Connection property {@code session_id}. */
  public String getSessionId() {
    return string(ConnectionProperty.SESSION_ID);
  }

  /** Connection property {@code session_id}; null removes it. */
  public void setSessionId(String sessionId) {
    set(ConnectionProperty.SESSION_ID, sessionId);
  }

  /** Connection property {@code grpc_max_message_size}. */
  public int getGrpcMaxMessageSize() {
    return integer(ConnectionProperty.GRPC_MAX_MESSAGE_SIZE);
  }

  /** Connection property {@code grpc_max_message_size}. */
  public void setGrpcMaxMessageSize(int grpcMaxMessageSize) {
    set(ConnectionProperty.GRPC_MAX_MESSAGE_SIZE, grpcMaxMessageSize);
  }

  /** Connection property {@code grpc_keep_alive_time}. */
  public int getGrpcKeepAliveTime() {
    return integer(ConnectionProperty.GRPC_KEEP_ALIVE_TIME);
  }

  /** Connection property {@code grpc_keep_alive_time}. */
  public void setGrpcKeepAliveTime(int grpcKeepAliveTime) {
    set(ConnectionProperty.GRPC_KEEP_ALIVE_TIME, grpcKeepAliveTime);
  }

  /** Connection property {@code grpc_keep_alive_timeout}. */
  public int getGrpcKeepAliveTimeout() {
    return integer(ConnectionProperty.GRPC_KEEP_ALIVE_TIMEOUT);
  }

  /** Connection property {@code grpc_keep_alive_timeout}. */
  public void setGrpcKeepAliveTimeout(int grpcKeepAliveTimeout) {
    set(ConnectionProperty.GRPC_KEEP_ALIVE_TIMEOUT, grpcKeepAliveTimeout);
  }

  /** Connection property {@code grpc_flow_control_window}. */
  public int getGrpcFlowControlWindow() {
    return integer(ConnectionProperty.GRPC_FLOW_CONTROL_WINDOW);
  }

  /** Connection property {@code grpc_flow_control_window}. */
  public void setGrpcFlowControlWindow(int grpcFlowControlWindow) {
    set(ConnectionProperty.GRPC_FLOW_CONTROL_WINDOW, grpcFlowControlWindow);
  }

  /** Connection property {@code read_ahead}. */
  public int getReadAhead() {
    return integer(ConnectionProperty.READ_AHEAD);
  }

  /** Connection property {@code read_ahead}. */
  public void setReadAhead(int readAhead) {
    set(ConnectionProperty.READ_AHEAD, readAhead);
  }

  /** Connection property {@code compression}. */
  public String getCompression() {
    return string(ConnectionProperty.COMPRESSION);
  }

  /** Connection property {@code compression}; null removes it. */
  public void setCompression(String compression) {
    set(ConnectionProperty.COMPRESSION, compression);
  }

  /** Connection property {@code compression_level}. */
  public int getCompressionLevel() {
    return integer(ConnectionProperty.COMPRESSION_LEVEL);
  }

  /** Connection property {@code compression_level}. */
  public void setCompressionLevel(int compressionLevel) {
    set(ConnectionProperty.COMPRESSION_LEVEL, compressionLevel);
  }

  /** Connection property {@code ssl_ca_file}. */
  public String getSslCaFile() {
    return string(ConnectionProperty.SSL_CA_FILE);
  }

  /** Connection property {@code ssl_ca_file}; null removes it. */
  public void setSslCaFile(String sslCaFile) {
    set(ConnectionProperty.SSL_CA_FILE, sslCaFile);
  }

  /** Connection property {@code ssl_trust_store}. */
  public String getSslTrustStore() {
    return string(ConnectionProperty.SSL_TRUST_STORE);
  }

  /** Connection property {@code ssl_trust_store}; null removes it. */
  public void setSslTrustStore(String sslTrustStore) {
    set(ConnectionProperty.SSL_TRUST_STORE, sslTrustStore);
  }

  /** Connection property {@code ssl_trust_store_password}. */
  public String getSslTrustStorePassword() {
    return string(ConnectionProperty.SSL_TRUST_STORE_PASSWORD);
  }

  /** Connection property {@code ssl_trust_store_password}; null removes it. */
  public void setSslTrustStorePassword(String sslTrustStorePassword) {
    set(ConnectionProperty.SSL_TRUST_STORE_PASSWORD, sslTrustStorePassword);
  }

  /** Connection property {@code ssl_trust_store_type}. */
  public String getSslTrustStoreType() {
    return string(ConnectionProperty.SSL_TRUST_STORE_TYPE);
  }

  /** Connection property {@code ssl_trust_store_type}; null removes it. */
  public void setSslTrustStoreType(String sslTrustStoreType) {
    set(ConnectionProperty.SSL_TRUST_STORE_TYPE, sslTrustStoreType);
  }

  /** Connection property {@code ssl_verify}. */
  public boolean getSslVerify() {
    return bool(ConnectionProperty.SSL_VERIFY);
  }

  /** Connection property {@code ssl_verify}. */
  public void setSslVerify(boolean sslVerify) {
    set(ConnectionProperty.SSL_VERIFY, sslVerify);
  }

  /** Connection property {@code user}. */
  public String getUser() {
    return string(ConnectionProperty.USER);
  }

  /** Connection property {@code user}; null removes it. */
  public void setUser(String user) {
    set(ConnectionProperty.USER, user);
  }

  /** Connection property {@code password}. */
  public String getPassword() {
    return string(ConnectionProperty.PASSWORD);
  }

  /** Connection property {@code password}; null removes it. */
  public void setPassword(String password) {
    set(ConnectionProperty.PASSWORD, password);
  }

  /** Connection property {@code connect_timeout}. */
  public int getConnectTimeout() {
    return integer(ConnectionProperty.CONNECT_TIMEOUT);
  }

  /** Connection property {@code connect_timeout}. */
  public void setConnectTimeout(int connectTimeout) {
    set(ConnectionProperty.CONNECT_TIMEOUT, connectTimeout);
  }

  /** Connection property {@code load_balance_hosts}. */
  public boolean getLoadBalanceHosts() {
    return bool(ConnectionProperty.LOAD_BALANCE_HOSTS);
  }

  /** Connection property {@code load_balance_hosts}. */
  public void setLoadBalanceHosts(boolean loadBalanceHosts) {
    set(ConnectionProperty.LOAD_BALANCE_HOSTS, loadBalanceHosts);
  }

  /** Connection property {@code translation_mode}. */
  public String getTranslationMode() {
    return string(ConnectionProperty.TRANSLATION_MODE);
  }

  /** Connection property {@code translation_mode}; null removes it. */
  public void setTranslationMode(String translationMode) {
    set(ConnectionProperty.TRANSLATION_MODE, translationMode);
  }

  /** Connection property {@code quoting}. */
  public String getQuoting() {
    return string(ConnectionProperty.QUOTING);
  }

  /** Connection property {@code quoting}; null removes it. */
  public void setQuoting(String quoting) {
    set(ConnectionProperty.QUOTING, quoting);
  }

  /** Connection property {@code strict_properties}. */
  public boolean getStrictProperties() {
    return bool(ConnectionProperty.STRICT_PROPERTIES);
  }

  /** Connection property {@code strict_properties}. */
  public void setStrictProperties(boolean strictProperties) {
    set(ConnectionProperty.STRICT_PROPERTIES, strictProperties);
  }

  private String string(ConnectionProperty p) {
    synchronized (properties) {
      Object value = properties.get(p);
      return value != null ? (String) value : p.defaultValue().orElse(null);
    }
  }

  private boolean bool(ConnectionProperty p) {
    synchronized (properties) {
      Object value = properties.get(p);
      return value != null ? (Boolean) value : (Boolean) p.parse(p.defaultValue().orElseThrow());
    }
  }

  private int integer(ConnectionProperty p) {
    synchronized (properties) {
      Object value = properties.get(p);
      return value != null ? (Integer) value : (Integer) p.parse(p.defaultValue().orElseThrow());
    }
  }

  /** Stores a value of the property's Java type (boxed); null removes it. */
  private void set(ConnectionProperty p, Object value) {
    synchronized (properties) {
      if (value == null) {
        properties.remove(p);
      } else {
        properties.put(p, value);
      }
    }
  }

  /**
   * Sets a bean property by name from text, as JNDI references carry them ({@link
   * SparkConnectDataSourceFactory}); false for a name that is no bean property of this class.
   */
  boolean setFromText(String name, String text) throws SQLException {
    switch (name) {
      case "url" -> setUrl(text);
      case "serverName" -> setServerName(text);
      case "portNumber" -> setPortNumber(integerText(name, text));
      case "description" -> setDescription(text);
      case "loginTimeout" -> setLoginTimeout(integerText(name, text));
      default -> {
        ConnectionProperty p = ConnectionProperty.forBeanName(name).orElse(null);
        if (p == null) {
          return false;
        }
        Class<?> type = p.type().javaType();
        set(
            p,
            type == boolean.class
                ? booleanText(name, text)
                : type == int.class ? (Object) integerText(name, text) : text);
      }
    }
    return true;
  }

  private static int integerText(String name, String text) throws SQLException {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw configError(
          "Invalid value '"
              + text
              + "' for the DataSource property '"
              + name
              + "': must be an integer");
    }
  }

  private static boolean booleanText(String name, String text) throws SQLException {
    if ("true".equalsIgnoreCase(text == null ? null : text.trim())) {
      return true;
    }
    if ("false".equalsIgnoreCase(text == null ? null : text.trim())) {
      return false;
    }
    throw configError(
        "Invalid value '"
            + text
            + "' for the DataSource property '"
            + name
            + "': must be true or false");
  }

  /**
   * Every bean property that is set, secrets included (a JNDI binding must be able to connect), for
   * {@link SparkConnectDataSourceFactory} to rebuild this data source.
   */
  @Override
  public Reference getReference() {
    Reference reference =
        new Reference(getClass().getName(), SparkConnectDataSourceFactory.class.getName(), null);
    add(reference, "url", url);
    add(reference, "serverName", serverName);
    add(reference, "portNumber", portNumber);
    add(reference, "description", description);
    add(reference, "loginTimeout", loginTimeout == 0 ? null : loginTimeout);
    synchronized (properties) {
      properties.forEach((p, v) -> add(reference, p.beanName(), v));
    }
    return reference;
  }

  private static void add(Reference reference, String name, Object value) {
    if (value != null) {
      reference.add(new StringRefAddr(name, String.valueOf(value)));
    }
  }

  /** Where it connects and the properties set; secrets hidden. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('[');
    if (url != null) {
      s.append(ConnectionConfig.redact(url));
    } else {
      s.append(serverName == null ? "(no server)" : serverName).append(':').append(getPortNumber());
    }
    synchronized (properties) {
      for (Map.Entry<ConnectionProperty, Object> e : properties.entrySet()) {
        s.append(", ")
            .append(e.getKey().beanName())
            .append('=')
            .append(e.getKey().isSecret() ? "(hidden)" : e.getValue());
      }
    }
    return s.append(']').toString();
  }
}
