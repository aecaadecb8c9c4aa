package dev.sparkjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.jdbc.config.ConnectionProperty;
import dev.sparkjdbc.jdbc.config.PropertyReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SparkConnectDataSourceTest {
  /** Bean properties of the JDBC standard (and DataSource itself), not connection properties. */
  private static final Set<String> STANDARD =
      Set.of("url", "serverName", "portNumber", "description", "loginTimeout", "logWriter");

  /** Getter and setter per bean property name, by reflection on the public methods. */
  private static Map<String, Class<?>> accessors(Class<?> type, String prefix, int parameters) {
    Map<String, Class<?>> found = new TreeMap<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith(prefix)
          || m.getName().length() == prefix.length()
          || m.getParameterCount() != parameters) {
        continue;
      }
      String rest = m.getName().substring(prefix.length());
      String name = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      found.put(name, parameters == 0 ? m.getReturnType() : m.getParameterTypes()[0]);
    }
    return found;
  }

  @Test
  void everyConnectionPropertyIsABeanPropertyOfItsTypeAndViceVersa() {
    for (Class<?> type :
        new Class<?>[] {SparkConnectDataSource.class, SparkConnectConnectionPoolDataSource.class}) {
      Map<String, Class<?>> setters = accessors(type, "set", 1);
      Map<String, Class<?>> getters = accessors(type, "get", 0);
      for (ConnectionProperty p : ConnectionProperty.values()) {
        assertThat(setters)
            .as("%s has a setter for '%s'", type.getSimpleName(), p.key())
            .containsEntry(p.beanName(), p.type().javaType());
        assertThat(getters)
            .as("%s has a getter for '%s'", type.getSimpleName(), p.key())
            .containsEntry(p.beanName(), p.type().javaType());
      }
      Set<String> extra = new TreeSet<>(setters.keySet());
      extra.removeAll(STANDARD);
      extra.removeAll(
          Arrays.stream(ConnectionProperty.values())
              .map(ConnectionProperty::beanName)
              .collect(Collectors.toSet()));
      assertThat(extra)
          .as(
              "setters of %s that are neither a connection property nor a JDBC "
                  + "standard DataSource property (declare them in ConnectionProperty)",
              type.getSimpleName())
          .isEmpty();
      for (String standard : STANDARD) {
        assertThat(getters.get(standard))
            .as("getter of %s", standard)
            .isEqualTo(setters.get(standard));
      }
    }
  }

  @Test
  void beanNamesAreTheKeysInCamelCase() {
    assertThat(ConnectionProperty.USE_SSL.beanName()).isEqualTo("useSsl");
    assertThat(ConnectionProperty.CONNECT_TIMEOUT.beanName()).isEqualTo("connectTimeout");
    assertThat(ConnectionProperty.SSL_CA_FILE.beanName()).isEqualTo("sslCaFile");
    assertThat(ConnectionProperty.TOKEN.beanName()).isEqualTo("token");
    assertThat(PropertyReference.setter(ConnectionProperty.USE_SSL))
        .isEqualTo("setUseSsl(boolean)");
    assertThat(PropertyReference.setter(ConnectionProperty.CONNECT_TIMEOUT))
        .isEqualTo("setConnectTimeout(int)");
  }

  @Test
  void gettersAnswerTheDefaultsUntilSetAndNullRemovesAString() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    assertThat(ds.getUseSsl()).isFalse();
    assertThat(ds.getSslVerify()).isTrue();
    assertThat(ds.getConnectTimeout()).isEqualTo(10);
    assertThat(ds.getUserAgent()).isEqualTo("sparkjdbc");
    assertThat(ds.getToken()).isNull();
    assertThat(ds.getPortNumber()).isEqualTo(15002);
    ds.setUseSsl(true);
    ds.setConnectTimeout(3);
    ds.setUserAgent("tool");
    assertThat(ds.getUseSsl()).isTrue();
    assertThat(ds.getConnectTimeout()).isEqualTo(3);
    ds.setUserAgent(null);
    assertThat(ds.getUserAgent()).isEqualTo("sparkjdbc");
  }

  @Test
  void toStringShowsSettingsButNoSecret() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setServerName("spark.example.com");
    ds.setToken("tok-123456");
    ds.setPassword("pw-123456");
    ds.setSslTrustStorePassword("ts-123456");
    ds.setUserAgent("tool");
    assertThat(ds.toString())
        .contains("spark.example.com:15002")
        .contains("userAgent=tool")
        .contains("token=(hidden)")
        .doesNotContain("123456");
    ds.setServerName(null);
    ds.setToken(null);
    ds.setUrl("jdbc:sc://h:1/;token=tok-123456;x-key=hdr-123456");
    assertThat(ds.toString()).contains("jdbc:sc://h:1").doesNotContain("123456");
  }

  @Test
  void whereToConnectMustBeSaidOnceAndWell() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    assertConfigError(ds, "set serverName");
    ds.setServerName("h/;token=x");
    assertConfigError(ds, "Invalid serverName");
    ds.setServerName("h");
    ds.setPortNumber(70000);
    assertConfigError(ds, "portNumber 70000");
    ds.setUrl("jdbc:sc://other:1");
    assertConfigError(ds, "either url or serverName/portNumber");
  }

  @Test
  void invalidValuesFailAtConnectNamingTheProperty() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setServerName("localhost");
    ds.setConnectTimeout(-1);
    assertConfigError(ds, "'connect_timeout'");
    ds.setConnectTimeout(1);
    ds.setTranslationMode("fast");
    assertConfigError(ds, "'translation_mode'");
    ds.setTranslationMode("TEXT");
    ds.setToken(" bad token ");
    assertThatThrownBy(ds::getConnection)
        .hasMessageContaining("'token'")
        .hasMessageNotContaining("bad token");
  }

  @Test
  void strictPropertiesAppliesToTheUrlOfADataSource() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setUrl("jdbc:sc://localhost:1/;tokn=x");
    ds.setStrictProperties(true);
    assertConfigError(ds, "did you mean 'token'?");
  }

  @Test
  void logWriterHearsOfFailedAttemptsWithoutSecrets() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    StringWriter log = new StringWriter();
    ds.setLogWriter(new PrintWriter(log));
    ds.setServerName("localhost");
    ds.setToken("\u0001tok-123456");
    assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class);
    assertThat(log.toString())
        .contains("Cannot connect")
        .contains("'token'")
        .contains("08001")
        .doesNotContain("123456");
  }

  @Test
  void loginTimeoutMustNotBeNegative() throws SQLException {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setLoginTimeout(7);
    assertThat(ds.getLoginTimeout()).isEqualTo(7);
    assertThatThrownBy(() -> ds.setLoginTimeout(-1))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY024"));
  }

  @Test
  void shardingKeysAreRefusedAsUnsupported() {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ShardingKey key = new java.sql.ShardingKey() {};
    assertThatThrownBy(() -> ds.createConnectionBuilder().shardingKey(key).build())
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
    assertThatThrownBy(
            () ->
                new SparkConnectConnectionPoolDataSource()
                    .createPooledConnectionBuilder()
                    .superShardingKey(key)
                    .build())
        .isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  @Test
  void wrapperAnswersForItsInterfaces() throws SQLException {
    SparkConnectConnectionPoolDataSource ds = new SparkConnectConnectionPoolDataSource();
    assertThat(ds.isWrapperFor(DataSource.class)).isTrue();
    assertThat(ds.isWrapperFor(ConnectionPoolDataSource.class)).isTrue();
    assertThat(ds.unwrap(ConnectionPoolDataSource.class)).isSameAs(ds);
    assertThat(ds.isWrapperFor(String.class)).isFalse();
    assertThatThrownBy(() -> ds.unwrap(String.class)).isInstanceOf(SQLException.class);
  }

  @Test
  void jndiReferenceRebuildsTheSameDataSource() throws Exception {
    SparkConnectConnectionPoolDataSource ds = new SparkConnectConnectionPoolDataSource();
    ds.setServerName("spark.example.com");
    ds.setPortNumber(443);
    ds.setDescription("BI pool");
    ds.setLoginTimeout(4);
    ds.setUseSsl(true);
    ds.setConnectTimeout(3);
    ds.setToken("tok");
    ds.setQuoting("ansi");
    Reference reference = ds.getReference();
    assertThat(reference.getFactoryClassName())
        .isEqualTo(SparkConnectDataSourceFactory.class.getName());
    Object rebuilt =
        new SparkConnectDataSourceFactory().getObjectInstance(reference, null, null, null);
    assertThat(rebuilt).isInstanceOf(SparkConnectConnectionPoolDataSource.class);
    assertSameSettings((SparkConnectDataSource) rebuilt, ds);
  }

  @Test
  void factoryTakesContainerConfiguredReferencesAndRefusesBadNumbers() throws Exception {
    Reference reference =
        new Reference(
            SparkConnectDataSource.class.getName(),
            SparkConnectDataSourceFactory.class.getName(),
            null);
    reference.add(new StringRefAddr("auth", "Container"));
    reference.add(new StringRefAddr("serverName", "h"));
    reference.add(new StringRefAddr("useSsl", "TRUE"));
    reference.add(new StringRefAddr("grpcMaxMessageSize", "1024"));
    reference.add(new StringRefAddr("usesSsl", "true")); // a typo: logged, ignored
    SparkConnectDataSource ds =
        (SparkConnectDataSource)
            new SparkConnectDataSourceFactory().getObjectInstance(reference, null, null, null);
    assertThat(ds.getServerName()).isEqualTo("h");
    assertThat(ds.getUseSsl()).isTrue();
    assertThat(ds.getGrpcMaxMessageSize()).isEqualTo(1024);

    reference.add(new StringRefAddr("connectTimeout", "soon"));
    assertThatThrownBy(
            () ->
                new SparkConnectDataSourceFactory().getObjectInstance(reference, null, null, null))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'connectTimeout'")
        .hasMessageContaining("integer");
    assertThat(
            new SparkConnectDataSourceFactory()
                .getObjectInstance(new Reference("other.DataSource"), null, null, null))
        .isNull();
  }

  @Test
  void serializationKeepsTheSettings() throws Exception {
    SparkConnectDataSource ds = new SparkConnectDataSource();
    ds.setUrl("jdbc:sc://h:1");
    ds.setSslVerify(false);
    ds.setApplicationName("app");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ds);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertSameSettings((SparkConnectDataSource) in.readObject(), ds);
    }
  }

  private static void assertSameSettings(
      SparkConnectDataSource actual, SparkConnectDataSource expected) throws Exception {
    for (Method getter : SparkConnectDataSource.class.getMethods()) {
      boolean bean =
          getter.getName().startsWith("get")
              && getter.getParameterCount() == 0
              && !getter.getName().equals("getLogWriter")
              && !getter.getName().equals("getParentLogger")
              && !getter.getName().equals("getReference")
              && !getter.getName().equals("getConnection");
      if (bean) {
        assertThat(getter.invoke(actual)).as(getter.getName()).isEqualTo(getter.invoke(expected));
      }
    }
  }

  private static void assertConfigError(SparkConnectDataSource ds, String expected) {
    assertThatThrownBy(ds::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }
}
