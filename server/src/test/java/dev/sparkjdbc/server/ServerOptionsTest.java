package dev.sparkjdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsServeLocalSparkOnLoopback() throws Exception {
    ServerOptions o = ServerOptions.parse(List.of());
    assertThat(o.port()).isEqualTo(15002);
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.sparkConf(15002))
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.connect.grpc.binding.port", "15002")
        .containsEntry("spark.connect.grpc.binding.address", "127.0.0.1")
        .doesNotContainKey("spark.connect.authenticate.token");
    assertThat(o.diagnosticsPort()).isEmpty();
    assertThat(o.jdbcUrl(15002)).isEqualTo("jdbc:sc://127.0.0.1:15002");
  }

  @Test
  void optionsMapToSparkConfigurationAndConfWins() throws Exception {
    ServerOptions o =
        ServerOptions.parse(
            List.of(
                "--port",
                "16000",
                "--host",
                "0.0.0.0",
                "--master",
                "spark://m:7077",
                "--token",
                "t0k",
                "--warehouse",
                "/tmp/wh",
                "--conf",
                "spark.sql.shuffle.partitions=4",
                "--conf",
                "spark.master=local[2]"));
    assertThat(o.sparkConf(16000))
        .containsEntry("spark.connect.authenticate.token", "t0k")
        .containsEntry("spark.sql.warehouse.dir", "/tmp/wh")
        .containsEntry("spark.sql.shuffle.partitions", "4")
        .containsEntry("spark.master", "local[2]");
    assertThat(o.jdbcUrl(16000)).isEqualTo("jdbc:sc://localhost:16000");
  }

  @Test
  void diagnosticsPortIsOptionalAndZeroPicksAFreePort() throws Exception {
    assertThat(ServerOptions.parse(List.of("--diagnostics-port", "0")).diagnosticsPort())
        .hasValue(0);
    assertThat(ServerOptions.parse(List.of("--diagnostics-port", "16001")).diagnosticsPort())
        .hasValue(16001);
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--diagnostics-port", "70000")))
        .hasMessageContaining("--diagnostics-port")
        .hasMessageContaining("'70000'");
    assertThat(ServerOptions.USAGE).contains("--diagnostics-port");
  }

  @Test
  void theTokenNeverAppearsInToString() throws Exception {
    assertThat(ServerOptions.parse(List.of("--token", "sekrit-123")).toString())
        .doesNotContain("sekrit-123");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--port", "x")))
        .hasMessageContaining("--port")
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--conf", "novalue")))
        .hasMessageContaining("key=value");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--bogus")))
        .hasMessageContaining("--bogus");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--master")))
        .hasMessageContaining("--master needs a value");
  }

  @Test
  void yarnNeedsTheClustersHadoopConfiguration() throws Exception {
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--master", "yarn"), Map.of()))
        .hasMessageContaining("HADOOP_CONF_DIR or YARN_CONF_DIR");
    assertThat(
            ServerOptions.parse(
                    List.of("--master", "yarn"), Map.of("HADOOP_CONF_DIR", "/etc/hadoop/conf"))
                .master())
        .isEqualTo("yarn");
    assertThat(
            ServerOptions.parse(List.of("--master", "k8s://https://k8s.example.com:6443"), Map.of())
                .master())
        .isEqualTo("k8s://https://k8s.example.com:6443");
  }
}
