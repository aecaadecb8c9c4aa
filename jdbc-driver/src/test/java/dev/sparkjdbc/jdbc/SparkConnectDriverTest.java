package dev.sparkjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.jdbc.config.ConnectionProperty;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SparkConnectDriverTest {

  @Test
  void registeredThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(Driver.class).stream().map(ServiceLoader.Provider::type))
        .contains(SparkConnectDriver.class);
  }

  @Test
  void driverManagerFindsItForItsUrls() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:sc://localhost:15002"))
        .isInstanceOf(SparkConnectDriver.class);
  }

  @Test
  void connectReturnsNullForOtherDriversUrls() throws SQLException {
    assertThat(new SparkConnectDriver().connect("jdbc:postgresql://h/db", new Properties()))
        .isNull();
  }

  @Test
  void propertyInfoListsEveryPropertyWithoutSecrets() throws SQLException {
    Properties given = new Properties();
    given.setProperty("token", "hush");
    given.setProperty("user_agent", "tool");
    DriverPropertyInfo[] info = new SparkConnectDriver().getPropertyInfo("jdbc:sc://h", given);
    assertThat(Arrays.stream(info).map(i -> i.name))
        .containsExactly(
            Arrays.stream(ConnectionProperty.values())
                .map(ConnectionProperty::key)
                .toArray(String[]::new));
    assertThat(
            Arrays.stream(info).filter(i -> i.name.equals("token")).findFirst().orElseThrow().value)
        .isNull();
    assertThat(
            Arrays.stream(info)
                .filter(i -> i.name.equals("user_agent"))
                .findFirst()
                .orElseThrow()
                .value)
        .isEqualTo("tool");
    assertThat(info).allSatisfy(i -> assertThat(i.description).isNotBlank());
  }

  private static DriverPropertyInfo info(DriverPropertyInfo[] all, String name) {
    return Arrays.stream(all).filter(i -> i.name.equals(name)).findFirst().orElseThrow();
  }

  @Test
  void propertyInfoGivesChoicesOfBooleansAndChoicesAndNoneOfFreeText() throws SQLException {
    DriverPropertyInfo[] info = new SparkConnectDriver().getPropertyInfo("jdbc:sc://h", null);
    assertThat(info(info, "use_ssl").choices).containsExactly("true", "false");
    assertThat(info(info, "strict_properties").choices).containsExactly("true", "false");
    assertThat(info(info, "strict_properties").value).isEqualTo("false");
    assertThat(info(info, "translation_mode").choices)
        .containsExactly("translate", "strict", "text");
    assertThat(info(info, "quoting").choices).containsExactly("backtick", "ansi");
    assertThat(info(info, "user_agent").choices).isNull();
    assertThat(info(info, "connect_timeout").choices).isNull();
    assertThat(info).allSatisfy(i -> assertThat(i.required).as(i.name).isFalse());
    for (DriverPropertyInfo i : info) {
      if (i.choices != null && i.value != null) {
        assertThat(i.choices).as("default of %s is one of its choices", i.name).contains(i.value);
      }
    }
  }

  @Test
  void propertyInfoShowsTheUrlsValuesOverPropertiesButNeverASecret() throws SQLException {
    Properties given = new Properties();
    given.setProperty("quoting", "backtick");
    given.setProperty("user_agent", "from-properties");
    DriverPropertyInfo[] info =
        new SparkConnectDriver()
            .getPropertyInfo(
                "jdbc:sc://h:1/;quoting=ansi;token=hush;password=hush;ssl_trust_store_password=hush",
                given);
    assertThat(info(info, "quoting").value).isEqualTo("ansi");
    assertThat(info(info, "user_agent").value).isEqualTo("from-properties");
    assertThat(Arrays.stream(info).filter(i -> "hush".equals(i.value))).isEmpty();
  }

  @Test
  void propertyInfoOfAMalformedUrlStillListsEveryProperty() throws SQLException {
    DriverPropertyInfo[] info =
        new SparkConnectDriver()
            .getPropertyInfo("jdbc:sc://h:1/;novalue;token=hush", new Properties());
    assertThat(info).hasSize(ConnectionProperty.values().length);
    assertThat(Arrays.stream(info).filter(i -> "hush".equals(i.value))).isEmpty();
  }
}
