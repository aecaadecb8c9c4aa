package dev.sparkjdbc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded Spark Connect server of this repository (the {@code server} module), started as its
 * own process for one benchmark run, as {@code bin/server} would start it.
 */
final class BenchServer implements AutoCloseable {
  private static final String READY_PREFIX = "Spark Connect server ready at ";

  private final Process process;
  private final String url;

  private BenchServer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** {@code root}: the repository, where the server module was built. */
  static BenchServer start(Path root, int port, String heap) throws IOException {
    return start(root, port, heap, List.of(), "127.0.0.1", List.of());
  }

  /**
   * {@code prefix}: a command the server runs under (the network bench's {@code ip netns exec});
   * {@code host}: the address it listens on; {@code confs}: more {@code key=value} Spark confs.
   */
  static BenchServer start(
      Path root, int port, String heap, List<String> prefix, String host, List<String> confs)
      throws IOException {
    Path target = root.resolve("server/target");
    String classpath =
        target.resolve("classes")
            + ":"
            + Files.readString(target.resolve("runtime.classpath")).trim();
    Path home = Files.createTempDirectory("sparkjdbc-bench-server");
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap,
            "-cp",
            classpath,
            "dev.sparkjdbc.server.EmbeddedSparkConnectServer",
            "--host",
            host,
            "--port",
            Integer.toString(port),
            "--warehouse",
            home.resolve("warehouse").toString(),
            "--stop-when-stdin-closes",
            // ScanMemoryBench's 100 M rows are about 3 GB of Arrow, beyond Spark's default
            // cap of
            // 1 GiB per result (docs/limitations.md); 0 means no cap.
            "--conf",
            "spark.driver.maxResultSize=0"));
    for (String conf : confs) {
      command.add("--conf");
      command.add(conf);
    }
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectError(home.resolve("server.log").toFile())
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(READY_PREFIX)) {
        return new BenchServer(process, line.substring(READY_PREFIX.length()).trim());
      }
    }
    process.destroyForcibly();
    throw new IOException(
        "the server stopped before it was ready; see " + home.resolve("server.log"));
  }

  String url() {
    return url;
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close(); // --stop-when-stdin-closes
    ChildProcesses.awaitExit(process);
  }
}
