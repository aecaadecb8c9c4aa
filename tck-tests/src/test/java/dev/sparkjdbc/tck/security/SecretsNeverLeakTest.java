package dev.sparkjdbc.tck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No token or password ever appears in what the driver lets out: every log record at the finest
 * level (the driver's loggers, gRPC's and Netty's, the root logger), every exception (message,
 * cause chain, suppressed, next exceptions, toString: the printed stack trace holds them all), the
 * toString of connections, statements, result sets and metadata, and getPropertyInfo. Sessions:
 * good and wrong tokens, TLS with each kind of trust, untrusted certificates, failing queries and
 * malformed configuration. Each test first checks that the capture really saw the gRPC frame log
 * that carries the authorization header, so a leak could not hide from it.
 */
@ExtendWith(SecuredServerExtension.class)
class SecretsNeverLeakTest {
  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final List<Logger> LOGGERS =
      List.of(
          Logger.getLogger(""),
          Logger.getLogger("dev.sparkjdbc"),
          Logger.getLogger("io.grpc"),
          // The standalone jar's gRPC and Netty, which the driver holds at INFO unless set.
          Logger.getLogger("dev.sparkjdbc.shaded"));

  private static final Map<Logger, Level> SAVED_LEVELS = new LinkedHashMap<>();
  private static final List<LogRecord> RECORDS = Collections.synchronizedList(new ArrayList<>());
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          RECORDS.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  /** Texts the driver produced other than log records: exceptions, toString, property info. */
  private final List<String> outputs = new ArrayList<>();

  private final Set<String> secrets = new LinkedHashSet<>();

  @BeforeAll
  static void captureAllLogging() {
    CAPTURE.setLevel(Level.ALL);
    for (Logger logger : LOGGERS) {
      SAVED_LEVELS.put(logger, logger.getLevel());
      logger.setLevel(Level.ALL);
    }
    LOGGERS.get(0).addHandler(CAPTURE);
  }

  @AfterAll
  static void restoreLogging() {
    LOGGERS.get(0).removeHandler(CAPTURE);
    SAVED_LEVELS.forEach(Logger::setLevel);
  }

  @AfterEach
  void forgetRecords() {
    RECORDS.clear();
  }

  @Test
  void authenticatedSessionsWithFailingQueries(SecuredServer server) throws SQLException {
    secrets.add(server.token());
    exercise(server.url() + "/;token=" + server.token(), new Properties());
    Properties asBiTools = new Properties();
    asBiTools.setProperty("user", "token");
    asBiTools.setProperty("password", server.token());
    exercise(server.url(), asBiTools);
    assertCaptureSawTheAuthorizationHeader();
    assertNoSecretAnywhere();
  }

  @Test
  void refusedCredentials(SecuredServer server) {
    secrets.add(server.token());
    String wrong = "wrong-token-" + server.token().substring(4, 20);
    String wrongPassword = "wrong-password-" + server.token().substring(4, 20);
    secrets.add(wrong);
    secrets.add(wrongPassword);
    failToConnect(server.url() + "/;token=" + wrong, new Properties());
    failToConnect(server.url(), new Properties());
    Properties p = new Properties();
    p.setProperty("user", "token");
    p.setProperty("password", wrongPassword);
    failToConnect(server.url(), p);
    Properties tokenProperty = new Properties();
    tokenProperty.setProperty("token", wrong);
    failToConnect(server.url(), tokenProperty);
    assertCaptureSawTheAuthorizationHeader();
    assertNoSecretAnywhere();
  }

  @Test
  void tlsSessionsGoodAndBad(SecuredServer server) throws SQLException {
    TlsProxy tls = server.tls();
    TestCertificates certs = tls.certificates;
    String wrongStorePassword = "not-" + certs.trustStorePassword;
    secrets.add(server.token());
    secrets.add(certs.trustStorePassword);
    secrets.add(wrongStorePassword);
    String token = ";token=" + server.token();
    exercise(
        TlsProxy.url("localhost", tls.port, "ssl_ca_file=" + certs.caPem + token),
        new Properties());
    Properties store = new Properties();
    store.setProperty("ssl_trust_store", certs.trustStoreP12.toString());
    store.setProperty("ssl_trust_store_password", certs.trustStorePassword);
    store.setProperty("token", server.token());
    exercise(TlsProxy.url("localhost", tls.port, ""), store);
    exercise(
        TlsProxy.url("localhost", tls.wrongHostPort, "ssl_verify=false" + token), new Properties());
    failToConnect(
        TlsProxy.url("localhost", tls.port, "ssl_ca_file=" + certs.otherCaPem + token),
        new Properties());
    failToConnect(
        TlsProxy.url("localhost", tls.wrongHostPort, "ssl_ca_file=" + certs.caPem + token),
        new Properties());
    failToConnect(TlsProxy.url("localhost", tls.port, token.substring(1)), new Properties());
    Properties badStore = new Properties();
    badStore.setProperty("ssl_trust_store", certs.trustStoreP12.toString());
    badStore.setProperty("ssl_trust_store_password", wrongStorePassword);
    badStore.setProperty("token", server.token());
    failToConnect(TlsProxy.url("localhost", tls.port, ""), badStore);
    failToConnect(
        TlsProxy.url(
            "localhost",
            tls.port,
            "ssl_trust_store="
                + certs.trustStoreJks
                + ";ssl_trust_store_type=PKCS11;ssl_trust_store_password="
                + certs.trustStorePassword
                + token),
        new Properties());
    assertCaptureSawTheAuthorizationHeader();
    assertNoSecretAnywhere();
  }

  @Test
  void malformedUrlsAndPropertiesAndPropertyInfo(SecuredServer server) throws SQLException {
    String token = server.token();
    secrets.add(token);
    for (String url :
        List.of(
            "jdbc:sc://localhost:notaport/;token=" + token,
            "jdbc:sc://localhost:1?token=" + token,
            "jdbc:sc://localhost:1/;token=" + token + ";connect_timeout=soon",
            "jdbc:sc://localhost:1/;token=" + token + ";novalue",
            "jdbc:sc://localhost:1/;password=" + token + ";bad%zz=1",
            "jdbc:sc://localhost:1/;ssl_trust_store_password=" + token + ";use_ssl=true",
            "jdbc:sc://[::1/;token=" + token)) {
      failToConnect(url, new Properties());
    }
    Properties emptyToken = new Properties();
    emptyToken.setProperty("token", "");
    emptyToken.setProperty("password", token);
    failToConnect(server.url(), emptyToken);

    Properties all = new Properties();
    for (String key : List.of("token", "password", "ssl_trust_store_password")) {
      all.setProperty(key, token);
    }
    all.setProperty("user", "token");
    String url = server.url() + "/;token=" + token + ";ssl_trust_store_password=" + token;
    Driver driver = DriverManager.getDriver(url);
    DriverPropertyInfo[] info = driver.getPropertyInfo(url, all);
    assertThat(Arrays.stream(info).map(i -> i.name))
        .contains("token", "password", "ssl_trust_store_password", "ssl_ca_file", "ssl_verify");
    for (DriverPropertyInfo i : info) {
      outputs.add(
          i.name
              + "="
              + i.value
              + " "
              + i.description
              + " "
              + (i.choices == null ? "" : String.join(",", i.choices)));
    }
    assertNoSecretAnywhere();
  }

  /** Connects, runs good and failing statements, and records every text the driver offers. */
  private void exercise(String url, Properties info) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, info)) {
      outputs.add(c.toString());
      DatabaseMetaData meta = c.getMetaData();
      outputs.add(meta.toString());
      outputs.add(meta.getURL());
      outputs.add(String.valueOf(meta.getUserName()));
      outputs.add(c.getClientInfo().toString());
      try (ResultSet schemas = meta.getSchemas()) {
        outputs.add(schemas.toString());
      }
      try (Statement s = c.createStatement()) {
        outputs.add(s.toString());
        try (ResultSet rs = s.executeQuery("SELECT id, CAST(id AS STRING) AS s FROM range(3)")) {
          outputs.add(rs.toString());
          outputs.add(rs.getMetaData().toString());
          while (rs.next()) {
            outputs.add(rs.getString(2));
          }
        }
        for (String bad :
            List.of(
                "SELEC 1",
                "SELECT * FROM no_such_table_here",
                "SELECT 1 / 0",
                "SELECT assert_true(id < 0) FROM range(3)")) {
          try (ResultSet rs = s.executeQuery(bad)) {
            while (rs.next()) {
              outputs.add(String.valueOf(rs.getObject(1)));
            }
          } catch (SQLException e) {
            record(e);
          }
        }
        record(s.getWarnings());
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT ? + no_such_column")) {
        outputs.add(ps.toString());
        ps.setInt(1, 1);
        ps.executeQuery().close();
      } catch (SQLException e) {
        record(e);
      }
      record(c.getWarnings());
    }
  }

  private void failToConnect(String url, Properties info) {
    try (Connection c = DriverManager.getConnection(url, info)) {
      throw new AssertionError("connecting must fail: " + c);
    } catch (SQLException e) {
      record(e);
    }
  }

  /** The stack trace as printed: messages and toString of the whole cause and suppressed tree. */
  private void record(SQLException e) {
    int chained = 0;
    for (SQLException next = e; next != null && chained++ < 50; next = next.getNextException()) {
      StringWriter text = new StringWriter();
      next.printStackTrace(new PrintWriter(text));
      outputs.add(text.toString());
    }
  }

  private void assertCaptureSawTheAuthorizationHeader() {
    List<String> logged = loggedTexts();
    assertThat(logged)
        .as("gRPC's frame log was captured")
        .anySatisfy(text -> assertThat(text.toLowerCase(Locale.ROOT)).contains("authorization:"));
  }

  private void assertNoSecretAnywhere() {
    List<String> everything = new ArrayList<>(loggedTexts());
    everything.addAll(outputs);
    assertThat(everything).as("captured texts").hasSizeGreaterThan(10);
    for (String secret : secrets) {
      for (String text : everything) {
        if (text != null && text.contains(secret)) {
          throw new AssertionError("a secret leaked into: " + text.replace(secret, "<SECRET>"));
        }
      }
    }
  }

  /** Every record as a handler could render it: raw message, parameters, formatted, thrown. */
  private static List<String> loggedTexts() {
    SimpleFormatter formatter = new SimpleFormatter();
    List<String> texts = new ArrayList<>();
    List<LogRecord> records;
    synchronized (RECORDS) {
      records = new ArrayList<>(RECORDS);
    }
    for (LogRecord r : records) {
      texts.add(r.getLoggerName() + " " + r.getMessage());
      if (r.getParameters() != null) {
        for (Object p : r.getParameters()) {
          texts.add(String.valueOf(p));
        }
      }
      texts.add(formatter.format(r));
    }
    return texts;
  }
}
