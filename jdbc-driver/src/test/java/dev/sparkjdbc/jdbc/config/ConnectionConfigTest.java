package dev.sparkjdbc.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkjdbc.plan.TranslationConfig;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionConfigTest {

  private static ConnectionConfig parse(String url) throws SQLException {
    return ConnectionConfig.parse(url, new Properties());
  }

  @Test
  void hostAloneUsesTheDefaultPort() throws SQLException {
    ConnectionConfig c = parse("jdbc:sc://spark.example.com");
    assertThat(c.host()).isEqualTo("spark.example.com");
    assertThat(c.port()).isEqualTo(15002);
    assertThat(c.useSsl()).isFalse();
    assertThat(c.token()).isEmpty();
  }

  @Test
  void sparkConnectParametersAfterTheSlash() throws SQLException {
    ConnectionConfig c =
        parse(
            "jdbc:sc://h:443/;use_ssl=true;token=abc;user_id=ana;"
                + "user_agent=bi-tool;session_id=123e4567-e89b-12d3-a456-426614174000;"
                + "grpc_max_message_size=1024");
    assertThat(c.port()).isEqualTo(443);
    assertThat(c.useSsl()).isTrue();
    assertThat(c.token()).contains("abc");
    assertThat(c.userId()).isEqualTo("ana");
    assertThat(c.userAgent()).isEqualTo("bi-tool");
    assertThat(c.sessionId()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(c.maxMessageSize()).isEqualTo(1024);
  }

  @Test
  void readAheadDefaultsToTwoChunksAndZeroTurnsItOff() throws SQLException {
    assertThat(parse("jdbc:sc://h").readAhead()).isEqualTo(2);
    assertThat(parse("jdbc:sc://h/;read_ahead=0").readAhead()).isZero();
    assertThat(parse("jdbc:sc://h/;read_ahead=64").readAhead()).isEqualTo(64);
  }

  @Test
  void flowControlWindowIsThirtyTwoMibUnlessSetAndZeroLeavesItToGrpc() throws SQLException {
    assertThat(parse("jdbc:sc://h").flowControlWindow()).isEqualTo(32 * 1024 * 1024);
    assertThat(parse("jdbc:sc://h/;grpc_flow_control_window=0").flowControlWindow()).isZero();
    assertThat(parse("jdbc:sc://h/;grpc_flow_control_window=65535").flowControlWindow())
        .isEqualTo(65_535);
  }

  @Test
  void bracketedIpv6Address() throws SQLException {
    ConnectionConfig c = parse("jdbc:sc://[::1]:16000");
    assertThat(c.host()).isEqualTo("::1");
    assertThat(c.port()).isEqualTo(16000);
    assertThat(c.displayUrl()).isEqualTo("jdbc:sc://[::1]:16000");
  }

  @Test
  void unknownUrlParametersBecomeRequestHeaders() throws SQLException {
    ConnectionConfig c = parse("jdbc:sc://h:1/;x-cluster-id=abc%20d");
    assertThat(c.headers()).containsEntry("x-cluster-id", "abc d");
  }

  @Test
  void urlParametersWinOverProperties() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user_id", "from-properties");
    p.setProperty("user", "someone");
    assertThat(ConnectionConfig.parse("jdbc:sc://h/;user_id=from-url", p).userId())
        .isEqualTo("from-url");
    assertThat(ConnectionConfig.parse("jdbc:sc://h", p).userId()).isEqualTo("from-properties");
  }

  @Test
  void userIsTheDefaultUserIdAndPasswordTheDefaultToken() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "ana");
    p.setProperty("password", "s3cret");
    ConnectionConfig c = ConnectionConfig.parse("jdbc:sc://h", p);
    assertThat(c.userId()).isEqualTo("ana");
    assertThat(c.token()).contains("s3cret");
    p.setProperty("token", "t0ken");
    assertThat(ConnectionConfig.parse("jdbc:sc://h", p).token()).contains("t0ken");
  }

  @Test
  void secretsNeverAppearInToString() throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", "pw-value-1");
    ConnectionConfig c = ConnectionConfig.parse("jdbc:sc://h/;token=tok-value-2", p);
    assertThat(c.toString())
        .doesNotContain("pw-value-1")
        .doesNotContain("tok-value-2")
        .contains("token=(hidden)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:sc://host:notaport|'notaport'",
        "jdbc:sc://host:70000|'70000'",
        "jdbc:sc://:15002|host is missing",
        "jdbc:sc://[::1:15002|closing ']'",
        "jdbc:sc://h/;novalue|'novalue'",
      })
  void malformedUrlsNameTheOffendingPart(String url, String named) {
    assertThatThrownBy(() -> parse(url))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(named)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "use_ssl=maybe|use_ssl|true or false",
        "grpc_max_message_size=-5|grpc_max_message_size|positive",
        "session_id=abc|session_id|UUID",
        "connect_timeout=soon|connect_timeout|integer",
        "read_ahead=-1|read_ahead|from 0 to 64",
        "read_ahead=2147483647|read_ahead|from 0 to 64",
        "grpc_flow_control_window=65534|grpc_flow_control_window|0 or at least 65535",
        "grpc_flow_control_window=-1|grpc_flow_control_window|0 or at least 65535",
      })
  void badValuesNameThePropertyAndWhatIsValid(String param, String key, String expected) {
    assertThatThrownBy(() -> parse("jdbc:sc://h/;" + param))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining(expected);
  }

  @Test
  void badSecretValuesAreNotEchoed() {
    Properties p = new Properties();
    p.setProperty("token", "");
    assertThatThrownBy(() -> ConnectionConfig.parse("jdbc:sc://h", p))
        .hasMessageContaining("'token'")
        .hasMessageContaining("(hidden)");
  }

  @Test
  void translationModeAndQuoting() throws SQLException {
    assertThat(parse("jdbc:sc://h").translation()).isEqualTo(TranslationConfig.DEFAULT);
    TranslationConfig t = parse("jdbc:sc://h/;translation_mode=STRICT;quoting=ansi").translation();
    assertThat(t.mode()).isEqualTo(TranslationConfig.Mode.STRICT);
    assertThat(t.quoting()).isEqualTo(TranslationConfig.Quoting.DOUBLE_QUOTE);
    assertThatThrownBy(() -> parse("jdbc:sc://h/;translation_mode=fast"))
        .hasMessageContaining("'translation_mode'")
        .hasMessageContaining("strict");
    assertThatThrownBy(() -> parse("jdbc:sc://h/;quoting=single"))
        .hasMessageContaining("'backtick' or 'ansi'");
  }

  @Test
  void acceptsOnlyItsOwnScheme() {
    assertThat(ConnectionConfig.accepts("jdbc:sc://h")).isTrue();
    assertThat(ConnectionConfig.accepts("JDBC:SC://h")).isTrue();
    assertThat(ConnectionConfig.accepts("jdbc:spark://h")).isFalse();
    assertThat(ConnectionConfig.accepts("sc://h")).isFalse();
    assertThat(ConnectionConfig.accepts(null)).isFalse();
  }
}
