package dev.sparkjdbc.jdbc;

import dev.sparkjdbc.jdbc.config.ConnectionConfig;
import dev.sparkjdbc.jdbc.config.ConnectionProperty;
import dev.sparkjdbc.jdbc.config.DriverVersion;
import dev.sparkjdbc.jdbc.errors.SqlState;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for Apache Spark over Spark Connect. URL: {@code
 * jdbc:sc://host[:port][/;key=value;…]}, default port 15002. Registered with {@link DriverManager}
 * when the class loads (and through {@code META-INF/services/java.sql.Driver}).
 */
public final class SparkConnectDriver implements Driver {

  static {
    try {
      DriverManager.registerDriver(new SparkConnectDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Returns null for URLs of other drivers, as {@code DriverManager} expects; a null URL is an
   * SQLException (JDBC: "if … the url is null").
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    return SparkConnectConnection.open(ConnectionConfig.parse(url, info));
  }

  /** True for {@code jdbc:sc://…} URLs; never throws for a non-null string. */
  @Override
  public boolean acceptsURL(String url) throws SQLException {
    if (url == null) {
      throw new SQLException(
          "The URL is null (expected "
              + ConnectionConfig.URL_PREFIX
              + "host[:port][/;key=value;...])",
          SqlState.CONNECTION_FAILURE);
    }
    return ConnectionConfig.accepts(url);
  }

  /**
   * Every connection property, from the table in {@link ConnectionProperty}: its current value
   * (from the URL's parameters, else {@code info}, else the default; never the value of a secret),
   * description and, for booleans and choices, the allowed values. None is required. A URL whose
   * parameters cannot be read still lists every property, from {@code info}.
   */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Map<ConnectionProperty, String> given = new EnumMap<>(ConnectionProperty.class);
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        ConnectionProperty.forKey(name).ifPresent(p -> given.put(p, info.getProperty(name)));
      }
    }
    if (ConnectionConfig.accepts(url)) {
      try {
        ConnectionConfig.urlParameters(url)
            .forEach(
                (key, value) -> ConnectionProperty.forKey(key).ifPresent(p -> given.put(p, value)));
      } catch (SQLException malformed) {
        // connect() reports what is wrong with the URL; here the list is what matters
      }
    }
    ConnectionProperty[] all = ConnectionProperty.values();
    DriverPropertyInfo[] result = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      ConnectionProperty p = all[i];
      String value = p.isSecret() ? null : given.getOrDefault(p, p.defaultValue().orElse(null));
      DriverPropertyInfo d = new DriverPropertyInfo(p.key(), value);
      d.description = p.description();
      d.required = false;
      List<String> choices = p.type().choices();
      d.choices = choices.isEmpty() ? null : choices.toArray(String[]::new);
      result[i] = d;
    }
    return result;
  }

  @Override
  public int getMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return DriverVersion.MINOR;
  }

  /** Not JDBC compliant in the spec's sense: Spark has no transactions (SQL-92 entry level). */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("dev.sparkjdbc.jdbc");
  }
}
