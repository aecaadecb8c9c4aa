package dev.sparkjdbc.tck.harness.child;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.slf4j.LoggerFactory;

/**
 * Child-JVM client for an application that brings its own, older gRPC, Netty, protobuf, Guava,
 * Arrow and SLF4J, ahead of the standalone driver jar on the classpath. It first uses each of those
 * libraries and prints which jar every class came from (so the parent test can tell they were
 * really loaded), then runs {@link StandaloneClient}'s queries through the driver.
 *
 * <p>Compiled against the suite's (new) versions, it calls only API that the old ones share. Netty
 * is not on the suite's classpath unshaded, so its version is read reflectively.
 *
 * <p>Usage: {@code ConflictingLibrariesClient <jdbc-url>}
 */
public final class ConflictingLibrariesClient {
  private ConflictingLibrariesClient() {}

  public static void main(String[] args) throws Exception {
    Timestamp sent = Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5).build();
    Timestamp received = Timestamp.parseFrom(sent.toByteArray());
    print(
        "protobuf",
        "com.google.protobuf.Timestamp",
        received.getSeconds() + "." + received.getNanos());
    System.out.println(
        "lib.protobuf.hasRuntimeVersion=" + present("com.google.protobuf.RuntimeVersion"));

    print(
        "guava",
        "com.google.common.collect.ImmutableList",
        Joiner.on('-').join(ImmutableList.of("a", "b", "c")));

    Metadata headers = new Metadata();
    Metadata.Key<String> key = Metadata.Key.of("x-app", Metadata.ASCII_STRING_MARSHALLER);
    headers.put(key, "old-grpc");
    print("grpcApi", "io.grpc.Metadata", headers.get(key));
    print("grpcCore", "io.grpc.internal.GrpcUtil", "-");
    print("grpcNetty", "io.grpc.netty.NettyChannelBuilder", "-");

    Class<?> version = Class.forName("io.netty.util.Version");
    Map<?, ?> versions = (Map<?, ?>) version.getMethod("identify").invoke(null);
    Object common = versions.get("netty-common");
    print(
        "netty",
        "io.netty.util.Version",
        common == null ? "none" : (String) version.getMethod("artifactVersion").invoke(common));

    print(
        "arrow",
        "org.apache.arrow.vector.types.pojo.ArrowType",
        new ArrowType.Int(32, true).toString());

    LoggerFactory.getLogger("conflicting-app").info("the application's own SLF4J logs here");
    print("slf4j", "org.slf4j.LoggerFactory", "-");

    StandaloneClient.run(args[0]);
  }

  /** {@code lib.<name>.jar=<jar file of the class>} and {@code lib.<name>.use=<result>}. */
  private static void print(String name, String className, String use)
      throws ClassNotFoundException {
    Class<?> type =
        Class.forName(className, false, ConflictingLibrariesClient.class.getClassLoader());
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath());
    System.out.println("lib." + name + ".jar=" + jar.getFileName());
    System.out.println("lib." + name + ".use=" + use);
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, ConflictingLibrariesClient.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
