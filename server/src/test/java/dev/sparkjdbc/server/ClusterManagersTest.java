package dev.sparkjdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.apache.spark.scheduler.ExternalClusterManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/server --master yarn} and {@code --master k8s://…} need Spark's cluster managers on
 * the server's classpath: Spark looks them up through ServiceLoader when it creates its context
 * and, finding none, fails with "Could not parse Master URL".
 */
class ClusterManagersTest {

  @ParameterizedTest
  @ValueSource(strings = {"yarn", "k8s://https://kubernetes.example.com:6443"})
  void aClusterManagerAcceptsTheMasterUrl(String master) {
    List<String> accepting =
        ServiceLoader.load(ExternalClusterManager.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(manager -> manager.canCreate(master))
            .map(manager -> manager.getClass().getName())
            .toList();

    assertThat(accepting).as("cluster managers accepting %s", master).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local[*]", "spark://host:7077"})
  void builtInMastersNeedNoExternalManager(String master) {
    assertThat(
            ServiceLoader.load(ExternalClusterManager.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(manager -> manager.canCreate(master))
                .toList())
        .isEmpty();
  }
}
