package dev.sparkjdbc.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keys that are no connection property: headers or ignored, with a warning, or an error. */
class UnknownPropertiesTest {

  private static Properties props(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  @Test
  void unknownUrlKeyIsSentAsHeaderAndWarnedAboutWithTheNearestProperty() throws SQLException {
    ConnectionConfig c = ConnectionConfig.parse("jdbc:sc://h/;tokn=abc123", new Properties());
    assertThat(c.headers()).containsEntry("tokn", "abc123");
    assertThat(c.token()).isEmpty();
    assertThat(c.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains("Unknown connection property 'tokn' in the URL")
                    .contains("did you mean 'token'?")
                    .contains("sent to the server as a gRPC request header")
                    .contains("strict_properties=true")
                    .doesNotContain("abc123"));
  }

  @Test
  void unknownPropertiesEntryIsIgnoredAndWarnedAbout() throws SQLException {
    ConnectionConfig c = ConnectionConfig.parse("jdbc:sc://h", props("conect_timeout", "3"));
    assertThat(c.headers()).isEmpty();
    assertThat(c.connectTimeoutSeconds()).isEqualTo(10);
    assertThat(c.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains("'conect_timeout' in the Properties")
                    .contains("did you mean 'connect_timeout'?")
                    .contains("ignored"));
  }

  @Test
  void customHeadersStartingWithXAreNeverWarnedAbout() throws SQLException {
    ConnectionConfig c =
        ConnectionConfig.parse(
            "jdbc:sc://h/;x-cluster=a;X-Trace=b", props("x-from-properties", "c"));
    assertThat(c.headers())
        .containsEntry("x-cluster", "a")
        .containsEntry("X-Trace", "b")
        .containsEntry("x-from-properties", "c");
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void urlHeaderWinsOverTheSamePropertiesHeader() throws SQLException {
    ConnectionConfig c =
        ConnectionConfig.parse("jdbc:sc://h/;x-team=url", props("x-team", "properties"));
    assertThat(c.headers()).containsEntry("x-team", "url").hasSize(1);
  }

  @Test
  void keysToolsPassRoutinelyAndKnownPropertiesInAnyCaseAreNotWarnedAbout() throws SQLException {
    ConnectionConfig c =
        ConnectionConfig.parse(
            "jdbc:sc://h/;USE_SSL=false;Token=t",
            props("user", "ana", "password", "pw", "connect_timeout", "5"));
    assertThat(c.warnings()).isEmpty();
    assertThat(c.headers()).isEmpty();
  }

  @Test
  void everyUnknownKeyGetsItsOwnWarningAndFarOffKeysNoSuggestion() throws SQLException {
    ConnectionConfig c =
        ConnectionConfig.parse("jdbc:sc://h/;a=1;completely_unrelated=2", props("useSsl", "true"));
    assertThat(c.warnings()).hasSize(3);
    assertThat(c.warnings().get(0))
        .contains("'useSsl' in the Properties")
        .contains("did you mean 'use_ssl'?");
    assertThat(c.warnings().get(1)).contains("'a' in the URL").doesNotContain("did you mean");
    assertThat(c.warnings().get(2))
        .contains("'completely_unrelated' in the URL")
        .doesNotContain("did you mean");
  }

  @Test
  void aHugeUnknownKeyIsShownShortened() throws SQLException {
    String key = "k".repeat(10_000);
    ConnectionConfig c = ConnectionConfig.parse("jdbc:sc://h/;" + key + "=v", new Properties());
    assertThat(c.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).hasSizeLessThan(600).contains("(10000 characters)"));
  }

  @Test
  void strictPropertiesMakesAnUnknownUrlKeyAnErrorNamingKeyAndSuggestion() {
    assertThatThrownBy(
            () ->
                ConnectionConfig.parse(
                    "jdbc:sc://h/;strict_properties=true;tokne=secret-value", new Properties()))
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .hasMessageContaining("'tokne' in the URL")
        .hasMessageContaining("did you mean 'token'?")
        .hasMessageContaining("strict_properties=true")
        .hasMessageNotContaining("secret-value")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void strictPropertiesAlsoRefusesUnknownPropertiesEntriesAndNamesThemAll() {
    assertThatThrownBy(
            () ->
                ConnectionConfig.parse(
                    "jdbc:sc://h/;usr_agent=x",
                    props("strict_properties", "true", "pasword", "pw")))
        .isInstanceOf(SQLNonTransientConnectionException.class)
        .hasMessageContaining("Unknown connection properties")
        .hasMessageContaining("'pasword' in the Properties (did you mean 'password'?)")
        .hasMessageContaining("'usr_agent' in the URL (did you mean 'user_agent'?)");
  }

  @Test
  void strictPropertiesStillAllowsCustomHeadersAndKnownKeys() throws SQLException {
    ConnectionConfig c =
        ConnectionConfig.parse(
            "jdbc:sc://h/;strict_properties=TRUE;x-cluster=a;user_agent=tool", props("user", "u"));
    assertThat(c.headers()).containsEntry("x-cluster", "a");
    assertThat(c.userAgent()).isEqualTo("tool");
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void strictPropertiesItselfIsValidated() {
    assertThatThrownBy(
            () -> ConnectionConfig.parse("jdbc:sc://h/;strict_properties=yes", new Properties()))
        .hasMessageContaining("'strict_properties'")
        .hasMessageContaining("true or false");
  }

  @ParameterizedTest
  @CsvSource({
    "tokn, token",
    "tokne, token",
    "TOKEN_, token",
    "usr, user",
    "pasword, password",
    "useSsl, use_ssl",
    "USE-SSL, use_ssl",
    "sslVerify, ssl_verify",
    "connectTimeout, connect_timeout",
    "conect_timout, connect_timeout",
    "translation-mode, translation_mode",
    "ApplicationName, application_name",
    "sesion_id, session_id",
  })
  void typosSuggestTheNearestProperty(String typo, String meant) {
    assertThat(ConnectionProperty.nearest(typo)).map(ConnectionProperty::key).contains(meant);
  }

  @ParameterizedTest
  @CsvSource({"a", "db", "ssl", "timeout", "x", "databaseName", "ssl_key_file_password_x"})
  void unrelatedKeysSuggestNothing(String key) {
    assertThat(ConnectionProperty.nearest(key)).isEmpty();
  }
}
