package dev.sparkjdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMemoryDefaultsTest {
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void localStarOnTwoCoresWithTwoGigabytes() {
    assertThat(ResultMemoryDefaults.forServer("local[*]", 2 * GIB, 2))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "spark.driver.maxResultSize", "512m",
                "spark.sql.leafNodeDefaultParallelism", "16",
                "spark.executor.killOnFatalError.depth", "0"));
  }

  @Test
  void theResultCapIsAQuarterOfTheHeap() {
    assertThat(ResultMemoryDefaults.forServer("local[*]", 4 * GIB, 2))
        .containsEntry("spark.driver.maxResultSize", "1024m");
    // -Xmx1000m: 250 MiB
    assertThat(ResultMemoryDefaults.forServer("local[*]", 1000L * 1024 * 1024, 2))
        .containsEntry("spark.driver.maxResultSize", "250m");
    // A heap too small to quarter into MiB still gets a cap, never 0 (Spark's "unlimited").
    assertThat(ResultMemoryDefaults.forServer("local[*]", 3L * 1024 * 1024, 2))
        .containsEntry("spark.driver.maxResultSize", "1m");
  }

  @Test
  void partitionsFollowTheLocalMastersThreadsNotTheMachine() {
    assertThat(ResultMemoryDefaults.forServer("local", 2 * GIB, 16))
        .containsEntry("spark.sql.leafNodeDefaultParallelism", "8");
    assertThat(ResultMemoryDefaults.forServer("local[3]", 2 * GIB, 16))
        .containsEntry("spark.sql.leafNodeDefaultParallelism", "24");
    assertThat(ResultMemoryDefaults.forServer("local[3,2]", 2 * GIB, 16))
        .containsEntry("spark.sql.leafNodeDefaultParallelism", "24");
    assertThat(ResultMemoryDefaults.forServer("local[*,4]", 2 * GIB, 6))
        .containsEntry("spark.sql.leafNodeDefaultParallelism", "48");
  }

  @Test
  void clusterMastersGetOnlyTheResultCap() {
    for (String master :
        List.of("spark://m:7077", "yarn", "k8s://https://k:6443", "local-cluster[2,1,1024]")) {
      assertThat(ResultMemoryDefaults.forServer(master, 4 * GIB, 2))
          .as(master)
          .containsExactlyEntriesOf(Map.of("spark.driver.maxResultSize", "1024m"));
    }
  }

  @Test
  void theServersConfHasThemAndConfStillWins() throws Exception {
    long cap = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(ServerOptions.parse(List.of()).sparkConf(15002))
        .containsEntry("spark.driver.maxResultSize", Math.max(1, cap) + "m")
        .containsEntry("spark.sql.leafNodeDefaultParallelism", Integer.toString(8 * cores))
        .containsEntry("spark.executor.killOnFatalError.depth", "0");
    assertThat(
            ServerOptions.parse(
                    List.of(
                        "--conf",
                        "spark.driver.maxResultSize=3g",
                        "--conf",
                        "spark.sql.leafNodeDefaultParallelism=5"))
                .sparkConf(15002))
        .containsEntry("spark.driver.maxResultSize", "3g")
        .containsEntry("spark.sql.leafNodeDefaultParallelism", "5");
    // The master given with --conf decides, like the one Spark will run.
    assertThat(
            ServerOptions.parse(List.of("--conf", "spark.master=spark://m:7077")).sparkConf(15002))
        .doesNotContainKey("spark.sql.leafNodeDefaultParallelism")
        .doesNotContainKey("spark.executor.killOnFatalError.depth");
    assertThat(ServerOptions.parse(List.of("--master", "local[2]")).sparkConf(15002))
        .containsEntry("spark.sql.leafNodeDefaultParallelism", "16");
  }

  @Test
  void g1RegionsOfFourMebibytesBelowAnEightGigabyteHeap() {
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-Xmx2g"), 2 * GIB))
        .containsExactly("-Xmx2g", "-XX:G1HeapRegionSize=4m");
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-Xmx4g", "-Dx=y"), 4 * GIB))
        .containsExactly("-Xmx4g", "-Dx=y", "-XX:G1HeapRegionSize=4m");
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-XX:+UseG1GC"), 4 * GIB))
        .containsExactly("-XX:+UseG1GC", "-XX:G1HeapRegionSize=4m");
    // G1 picks 4 MiB regions itself from 8 GiB on.
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-Xmx8g"), 8 * GIB))
        .containsExactly("-Xmx8g");
  }

  @Test
  void theUsersRegionSizeOrCollectorIsLeftAlone() {
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-XX:G1HeapRegionSize=2m"), 2 * GIB))
        .containsExactly("-XX:G1HeapRegionSize=2m");
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-XX:+UseParallelGC"), 2 * GIB))
        .containsExactly("-XX:+UseParallelGC");
    assertThat(ResultMemoryDefaults.jvmOptions(List.of("-XX:+UseZGC"), 2 * GIB))
        .containsExactly("-XX:+UseZGC");
  }
}
