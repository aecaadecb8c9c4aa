package dev.sparkjdbc.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BuildPaths;
import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.child.RowPrinter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The driver needs no Spark and no JVM flags: a plain {@code java -cp driver...} client runs a
 * query, and so does this test JVM, which Surefire starts without {@code --add-opens}.
 */
@ExtendWith(SparkConnectServerExtension.class)
class FlagFreeClientTest {

  @Test
  void plainJavaClientWithOnlyTheDriverRunsAQuery(SparkConnectServer server) throws Exception {
    ChildJvm.Result result =
        ChildJvm.run(
            List.of(),
            RowPrinter.class,
            List.of(server.url(), "SELECT 1 + 1 AS two, 'x' AS s"),
            Duration.ofMinutes(2));

    assertThat(result.exitCode()).as("exit code; stderr:%n%s", result.stderr()).isZero();
    assertThat(result.stdout()).containsExactly("two\ts", "2\tx");
  }

  @Test
  void driverClasspathHoldsNoSparkJars() {
    List<String> fileNames =
        BuildPaths.driverClasspath().stream()
            .map(entry -> Path.of(entry).getFileName().toString())
            .toList();

    assertThat(fileNames).isNotEmpty();
    assertThat(fileNames)
        .filteredOn(name -> name.contains("spark-") && !name.startsWith("sparkjdbc-"))
        .isEmpty();
    assertThat(fileNames).noneMatch(name -> name.startsWith("scala-library"));
  }

  @Test
  void thisTestJvmRunsWithoutAddOpensFlags() {
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .noneMatch(arg -> arg.startsWith("--add-opens") || arg.startsWith("--add-exports"));
  }
}
