package dev.sparkjdbc.server;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * The JVM options Spark needs on Java 17 (module opens, netty reflection), taken from Spark's own
 * launcher so the list follows the Spark version instead of being copied here.
 */
final class SparkJvmOptions {
  private SparkJvmOptions() {}

  static List<String> required() {
    return List.of(JavaModuleOptions.defaultModuleOptionArray());
  }

  /** True when this JVM was started with Spark's options, so no relaunch is needed. */
  static boolean presentInThisJvm() {
    Module unnamed = SparkJvmOptions.class.getClassLoader().getUnnamedModule();
    boolean opened =
        Object.class.getModule().isOpen("sun.nio.ch", unnamed)
            && Object.class.getModule().isOpen("java.nio", unnamed);
    List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return opened && jvmArgs.contains("-Dio.netty.tryReflectionSetAccessible=true");
  }
}
