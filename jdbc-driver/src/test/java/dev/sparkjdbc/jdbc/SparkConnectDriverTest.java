package dev.sparkjdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

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
        .containsExactly(Arrays.stream(ConnectionProperty.values()).map(ConnectionProperty::key)
            .toArray(String[]::new));
    assertThat(Arrays.stream(info).filter(i -> i.name.equals("token")).findFirst().orElseThrow()
        .value).isNull();
    assertThat(Arrays.stream(info).filter(i -> i.name.equals("user_agent")).findFirst()
        .orElseThrow().value).isEqualTo("tool");
    assertThat(info).allSatisfy(i -> assertThat(i.description).isNotBlank());
  }
}
