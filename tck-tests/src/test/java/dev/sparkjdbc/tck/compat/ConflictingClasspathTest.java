package dev.sparkjdbc.tck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.ChildJvm;
import dev.sparkjdbc.tck.harness.SparkConnectServer;
import dev.sparkjdbc.tck.harness.SparkConnectServerExtension;
import dev.sparkjdbc.tck.harness.child.ConflictingLibrariesClient;
import dev.sparkjdbc.tck.harness.child.StandaloneClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application that already has older gRPC, Netty, protobuf 3, Guava, Arrow and SLF4J 1.7 (with a
 * binding) puts them ahead of the standalone driver jar on its classpath: the application keeps
 * using its versions, and the driver still runs the same queries, metadata and prepared statements,
 * none of its classes or services mixed up with the application's. The jars are copied by the build
 * into {@code target/conflicts} (versions in the root pom).
 */
@ExtendWith(SparkConnectServerExtension.class)
class ConflictingClasspathTest {
  /** What slf4j-simple 1.7 prints for the application's log call in the child. */
  private static final String APPLICATION_LOG_LINE =
      "[main] INFO conflicting-app - the application's own SLF4J logs here";

  @Test
  void olderLibrariesFirstOnTheClasspathLeaveTheDriverWorking(SparkConnectServer server)
      throws Exception {
    List<String> classpath = new ArrayList<>();
    StandaloneJar.conflictJars().forEach(jar -> classpath.add(jar.toString()));
    classpath.add(StandaloneJar.path().toString());
    classpath.add(
        ChildJvm.classesOnly(ConflictingLibrariesClient.class, StandaloneClient.class).toString());

    ChildJvm.Result result =
        StandaloneJar.run(classpath, ConflictingLibrariesClient.class, server.url());

    assertThat(result.exitCode())
        .as("exit code; stdout %s; stderr:%n%s", result.stdout(), result.stderr())
        .isZero();
    // The application's own libraries were loaded from the old jars and work.
    assertLoadedFrom(result, "protobuf", "protobuf-java-");
    assertThat(result.value("lib.protobuf.use")).isEqualTo("1700000000.5");
    assertThat(result.value("lib.protobuf.hasRuntimeVersion"))
        .as("protobuf-java 3.x has no RuntimeVersion (4.x, bundled relocated, has)")
        .isEqualTo("false");
    assertLoadedFrom(result, "guava", "guava-");
    assertThat(result.value("lib.guava.use")).isEqualTo("a-b-c");
    assertLoadedFrom(result, "grpcApi", "grpc-api-");
    assertThat(result.value("lib.grpcApi.use")).isEqualTo("old-grpc");
    assertLoadedFrom(result, "grpcCore", "grpc-core-");
    assertLoadedFrom(result, "grpcNetty", "grpc-netty-");
    Path nettyCommon = assertLoadedFrom(result, "netty", "netty-common-");
    assertThat(result.value("lib.netty.use"))
        .isEqualTo(
            nettyCommon
                .getFileName()
                .toString()
                .replaceFirst("^netty-common-", "")
                .replaceFirst("\\.jar$", ""));
    assertLoadedFrom(result, "arrow", "arrow-vector-");
    assertThat(result.value("lib.arrow.use")).isEqualTo("Int(32, true)");
    assertLoadedFrom(result, "slf4j", "slf4j-api-");

    // The driver, unaffected.
    StandaloneJar.assertStandaloneClientOutput(result);
    // The application's SLF4J 1.7 binding logged its line; the driver's relocated SLF4J 2 saw
    // neither it nor the old binding (no "multiple bindings" or "ignoring binding" warnings).
    assertThat(result.stderr().lines()).contains(APPLICATION_LOG_LINE);
    StandaloneJar.assertQuietStderr(result.stderr(), List.of(APPLICATION_LOG_LINE));
  }

  @Test
  void conflictDirectoryHoldsOlderMajorOrMinorVersions() {
    List<String> names =
        StandaloneJar.conflictJars().stream().map(jar -> jar.getFileName().toString()).toList();
    System.out.println("conflicting jars: " + names);
    assertThat(StandaloneJar.conflictJar("protobuf-java-").getFileName().toString())
        .startsWith("protobuf-java-3.");
    assertThat(StandaloneJar.conflictJar("netty-common-").getFileName().toString())
        .startsWith("netty-common-4.1.");
    assertThat(StandaloneJar.conflictJar("slf4j-api-").getFileName().toString())
        .startsWith("slf4j-api-1.");
    for (String prefix :
        List.of(
            "grpc-api-",
            "grpc-core-",
            "grpc-netty-",
            "netty-buffer-",
            "netty-transport-",
            "netty-codec-http2-",
            "netty-handler-",
            "guava-",
            "arrow-vector-",
            "arrow-memory-core-",
            "slf4j-simple-")) {
      StandaloneJar.conflictJar(prefix);
    }
  }

  private static Path assertLoadedFrom(ChildJvm.Result result, String library, String jarPrefix) {
    Path jar = StandaloneJar.conflictJar(jarPrefix);
    assertThat(result.value("lib." + library + ".jar"))
        .as("jar %s classes came from", library)
        .isEqualTo(jar.getFileName().toString());
    return jar;
  }
}
