package dev.sparkjdbc.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the token comes from, and that malformed URLs never show it. */
class CredentialPropertiesTest {
  private static final String SECRET = "Zq8-secret-value";

  @Test
  void userTokenMeansThePasswordIsTheTokenAndNamesNoUser() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "token");
    p.setProperty("password", SECRET);
    ConnectionConfig c = ConnectionConfig.parse("jdbc:sc://h", p);
    assertThat(c.token()).contains(SECRET);
    assertThat(c.userId()).isNotEqualTo("token").isEqualTo(System.getProperty("user.name"));
    p.setProperty("user", "TOKEN");
    p.setProperty("user_id", "ana");
    assertThat(ConnectionConfig.parse("jdbc:sc://h", p).userId()).isEqualTo("ana");
  }

  @Test
  void tokenPropertyWinsOverPasswordAndUrlWinsOverProperties() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "token");
    p.setProperty("password", "from-password");
    p.setProperty("token", "from-token");
    assertThat(ConnectionConfig.parse("jdbc:sc://h", p).token()).contains("from-token");
    assertThat(ConnectionConfig.parse("jdbc:sc://h/;token=from-url", p).token())
        .contains("from-url");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:sc://host:notaport/;token=" + SECRET,
        "jdbc:sc://host:1?token=" + SECRET,
        "jdbc:sc://host:1/;token=" + SECRET + ";novalue",
        "jdbc:sc://host:1/;password=" + SECRET + ";bad%zzkey=1",
        "jdbc:sc://host:1/;x-api-key=" + SECRET + ";novalue",
        "jdbc:sc://host:1/;ssl_trust_store_password=" + SECRET + ";novalue",
        "jdbc:sc://[::1/;token=" + SECRET,
      })
  void malformedUrlsNeverShowSecrets(String url) {
    assertThatThrownBy(() -> ConnectionConfig.parse(url, new Properties()))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).contains("jdbc:sc://"));
  }

  @ParameterizedTest
  @ValueSource(strings = {" " + SECRET, SECRET + " ", SECRET + "\n", SECRET + "\u00e9"})
  void aTokenThatCannotBeAHeaderValueIsRefusedWithoutShowingIt(String token) {
    Properties p = new Properties();
    p.setProperty("token", token);
    assertThatThrownBy(() -> ConnectionConfig.parse("jdbc:sc://h", p))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'token'")
        .hasMessageContaining("HTTP header")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void redactionKeepsWhatIsNotSecret() {
    assertThat(
            ConnectionConfig.redact(
                "jdbc:sc://h:1/;use_ssl=true;token="
                    + SECRET
                    + ";x-cluster="
                    + SECRET
                    + ";Password="
                    + SECRET))
        .isEqualTo(
            "jdbc:sc://h:1/;use_ssl=true;token=(hidden);x-cluster=(hidden);" + "Password=(hidden)");
  }
}
