package dev.sparkjdbc.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several endpoints in one URL ({@code jdbc:sc://h1:15002,h2:15002/}), as the parser reads them.
 */
class EndpointListTest {

  private static ConnectionConfig parse(String url) throws SQLException {
    return ConnectionConfig.parse(url, new Properties(), 0);
  }

  @Test
  void endpointsInTheUrlsOrderEachWithItsOwnOrTheDefaultPort() throws SQLException {
    ConnectionConfig c = parse("jdbc:sc://h1:16000,h2,[::1]:16001,[fe80::2]/;token=abc");
    assertThat(c.endpoints())
        .containsExactly(
            new Endpoint("h1", 16000),
            new Endpoint("h2", 15002),
            new Endpoint("::1", 16001),
            new Endpoint("fe80::2", 15002));
    assertThat(c.host()).isEqualTo("h1");
    assertThat(c.port()).isEqualTo(16000);
    assertThat(c.token()).contains("abc");
    assertThat(c.displayUrl()).isEqualTo("jdbc:sc://h1:16000,h2:15002,[::1]:16001,[fe80::2]:15002");
    assertThat(c.endpointUrl()).isEqualTo("jdbc:sc://h1:16000");
  }

  @Test
  void parametersWithoutTheSlashAndSpacesAfterCommasAsForOneHost() throws SQLException {
    ConnectionConfig c = parse("jdbc:sc://h1:1, h2:2;user_id=ana");
    assertThat(c.endpoints()).containsExactly(new Endpoint("h1", 1), new Endpoint("h2", 2));
    assertThat(c.userId()).isEqualTo("ana");
  }

  @Test
  void oneHostParsesAsBefore() throws SQLException {
    ConnectionConfig c = parse("jdbc:sc://spark.example.com:443;use_ssl=true");
    assertThat(c.endpoints()).containsExactly(new Endpoint("spark.example.com", 443));
    assertThat(c.displayUrl()).isEqualTo("jdbc:sc://spark.example.com:443");
    assertThat(c.endpointUrl()).isEqualTo(c.displayUrl());
    assertThat(c.useSsl()).isTrue();
    assertThat(c.toString()).doesNotContain("endpoint=");
    assertThatThrownBy(() -> parse("jdbc:sc://:15002"))
        .hasMessage(
            "Invalid Spark Connect URL 'jdbc:sc://:15002': the host is missing (expected "
                + "jdbc:sc://host:port) (expected "
                + ConnectionConfig.URL_FORM
                + ")");
  }

  @Test
  void theChosenEndpointIsWhatTheConnectionSeesTheUrlStaysWhole() throws SQLException {
    ConnectionConfig all = parse("jdbc:sc://spark.example.com:1,localhost:2/;token=tok-value-9");
    ConnectionConfig second = all.at(all.endpoints().get(1));
    assertThat(second.host()).isEqualTo("localhost");
    assertThat(second.port()).isEqualTo(2);
    assertThat(second.endpointUrl()).isEqualTo("jdbc:sc://localhost:2");
    assertThat(second.displayUrl()).isEqualTo("jdbc:sc://spark.example.com:1,localhost:2");
    assertThat(second.token()).contains("tok-value-9");
    assertThat(second.toString())
        .contains("jdbc:sc://spark.example.com:1,localhost:2")
        .contains("endpoint=localhost:2")
        .doesNotContain("tok-value-9");
    assertThat(all.at(all.endpoints().get(0))).isSameAs(all);
    // compression=auto decides by the server actually used: loopback here, remote there
    assertThat(second.compression().resolve(second.host(), second.namesSession()))
        .isEqualTo(Compression.SERVER);
    assertThat(all.compression().resolve(all.host(), all.namesSession()))
        .isEqualTo(Compression.ZSTD);
    assertThatThrownBy(() -> all.at(new Endpoint("elsewhere", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadBalanceHostsIsOffUnlessAsked() throws SQLException {
    assertThat(parse("jdbc:sc://h1,h2").loadBalanceHosts()).isFalse();
    assertThat(parse("jdbc:sc://h1,h2/;load_balance_hosts=true").loadBalanceHosts()).isTrue();
    Properties p = new Properties();
    p.setProperty("load_balance_hosts", "TRUE");
    assertThat(ConnectionConfig.parse("jdbc:sc://h1,h2", p, 0).loadBalanceHosts()).isTrue();
    assertThatThrownBy(() -> parse("jdbc:sc://h1,h2/;load_balance_hosts=random"))
        .hasMessageContaining("'load_balance_hosts'")
        .hasMessageContaining("true or false");
  }

  @Test
  void pgjdbcSpellingGetsASuggestion() throws SQLException {
    assertThat(ConnectionProperty.nearest("loadBalanceHosts"))
        .contains(ConnectionProperty.LOAD_BALANCE_HOSTS);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:sc://h1,,h2|empty entry (endpoint 2 of 3)",
        "jdbc:sc://h1,|empty entry (endpoint 2 of 2)",
        "jdbc:sc://,h1/;token=x|empty entry (endpoint 1 of 2)",
        "jdbc:sc://h1,h2:port|the port 'port' is not a number from 1 to 65535 (endpoint 2 of 2)",
        "jdbc:sc://h1,h2:0|the port '0' is not a number from 1 to 65535 (endpoint 2 of 2)",
        "jdbc:sc://h1:15002,:15002|the host is missing (endpoint 2 of 2)",
        "jdbc:sc://h1,[::1|lacks its closing ']' (endpoint 2 of 2)",
        "jdbc:sc://[::1]x,h2|unexpected 'x' after the host (endpoint 1 of 2)",
        "jdbc:sc://::1|the IPv6 address '::1' must be in brackets, e.g. jdbc:sc://[::1]:15002",
        "jdbc:sc://h1,fe80::2:15002|'fe80::2:15002' must be in brackets (endpoint 2 of 2)",
      })
  void badListsNameTheEntryAndFailWith08001(String url, String named) {
    assertThatThrownBy(() -> parse(url))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(named)
        .hasMessageContaining("host[:port][,host[:port]...]")
        .hasMessageNotContaining("token=x")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void urlParametersOfAListForGetPropertyInfo() throws SQLException {
    assertThat(ConnectionConfig.urlParameters("jdbc:sc://h1,h2:3/;load_balance_hosts=true"))
        .containsEntry("load_balance_hosts", "true");
  }

  @Test
  void getPropertyInfoReadsTheParametersOfAList() throws SQLException {
    java.sql.DriverPropertyInfo[] info =
        new dev.sparkjdbc.jdbc.SparkConnectDriver()
            .getPropertyInfo("jdbc:sc://h1,[::1]:3/;load_balance_hosts=true", new Properties());
    assertThat(info)
        .filteredOn(d -> d.name.equals("load_balance_hosts"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.value).isEqualTo("true");
              assertThat(d.choices).containsExactlyInAnyOrder("true", "false");
              assertThat(d.description).contains("random order");
            });
  }

  @Test
  void aDataSourceServerNameIsOneHostAndPointsListsToTheUrl() {
    assertThatThrownBy(() -> ConnectionConfig.urlOf("h1,h2", 15002))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("url")
        .hasMessageContaining("jdbc:sc://h1:15002,h2:15002/")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void endpointsAreImmutable() throws SQLException {
    List<Endpoint> endpoints = parse("jdbc:sc://h1,h2").endpoints();
    assertThatThrownBy(() -> endpoints.add(new Endpoint("h3", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
