package dev.sparkjdbc.tck.security;

import dev.sparkjdbc.tck.harness.ExternalPrograms;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nginx as a TLS-terminating gRPC proxy, the way Spark Connect is deployed behind TLS: HTTP/2 over
 * TLS in, {@code grpc_pass} in plaintext to the server. It runs unprivileged as a child of the test
 * JVM in the foreground ({@code daemon off; master_process off;}), with its prefix, configuration,
 * pid, logs and temporary files in its own directory under {@code target}. A small shell wrapper
 * kills it when the JVM's end of its standard input closes, so it cannot outlive a test JVM that
 * dies without running shutdown hooks.
 */
final class Nginx implements AutoCloseable {
  /** One TLS listener: its port, its certificate and key, and the gRPC server behind it. */
  record Site(int port, Path certificate, Path key, int upstreamPort) {}

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> SEARCH_PATH =
      List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/opt/homebrew/bin", "/usr/bin");

  private final Process process;
  private final Path dir;
  private final Thread shutdownHook;

  private Nginx(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
    this.shutdownHook = new Thread(this::stop, "stop-nginx");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  static Nginx start(Path parent, List<Site> sites) {
    Path binary = binary();
    try {
      Path dir = Files.createTempDirectory(parent, "nginx-");
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("temp"));
      Path conf = dir.resolve("nginx.conf");
      Files.writeString(conf, configuration(dir, sites, newHttp2Syntax(binary)));
      // nginx runs in the background; a watcher kills it when our stdin reaches end of file (the
      // JVM closed it or died). The watcher reads a copy of stdin (fd 3) because a background
      // command's own stdin is /dev/null. The wrapper ends, with nginx's status, when nginx does.
      String script =
          "exec 3<&0; \"$0\" -p \"$1\" -c \"$2\" -e \"$3\" </dev/null & n=$!; "
              + "(cat <&3 >/dev/null; kill $n 2>/dev/null) & wait $n";
      Process process =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  script,
                  binary.toString(),
                  dir + "/",
                  conf.toString(),
                  dir.resolve("logs/error.log").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("logs/stdout.log").toFile())
              .start();
      Nginx nginx = new Nginx(process, dir);
      try {
        for (Site site : sites) {
          nginx.awaitPort(site.port());
        }
        return nginx;
      } catch (RuntimeException e) {
        nginx.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start nginx", e);
    }
  }

  /** nginx 1.25.1 deprecated {@code listen … http2} for the {@code http2 on;} directive. */
  private static boolean newHttp2Syntax(Path binary) {
    String version = run(binary.toString(), "-v");
    Matcher m = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
    if (!m.find()) {
      throw new IllegalStateException("cannot read the version of " + binary + ": " + version);
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    return major > 1 || minor > 25 || (minor == 25 && patch >= 1);
  }

  private static String configuration(Path dir, List<Site> sites, boolean http2Directive) {
    StringBuilder conf = new StringBuilder();
    conf.append("daemon off;\nmaster_process off;\nworker_processes 1;\n")
        .append("pid ")
        .append(dir.resolve("nginx.pid"))
        .append(";\n")
        .append("error_log ")
        .append(dir.resolve("logs/error.log"))
        .append(" info;\n")
        .append("events { worker_connections 256; }\n")
        .append("http {\n")
        .append("  access_log ")
        .append(dir.resolve("logs/access.log"))
        .append(";\n");
    for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
      conf.append("  ")
          .append(temp)
          .append("_temp_path ")
          .append(dir.resolve("temp/" + temp))
          .append(";\n");
    }
    // Spark Connect requests (plans with inline data) may exceed nginx's 1 MB default; results
    // may take long to start.
    conf.append("  client_max_body_size 0;\n");
    for (Site site : sites) {
      conf.append("  server {\n")
          .append("    listen 127.0.0.1:")
          .append(site.port())
          .append(http2Directive ? " ssl;\n    http2 on;\n" : " ssl http2;\n")
          .append("    ssl_certificate ")
          .append(site.certificate())
          .append(";\n")
          .append("    ssl_certificate_key ")
          .append(site.key())
          .append(";\n")
          .append("    location / {\n")
          .append("      grpc_pass grpc://127.0.0.1:")
          .append(site.upstreamPort())
          .append(";\n")
          .append("      grpc_read_timeout 3600s;\n      grpc_send_timeout 3600s;\n")
          .append("    }\n  }\n");
    }
    return conf.append("}\n").toString();
  }

  /** A port nobody listens on right now (nginx binds it a moment later). */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitPort(int port) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "nginx exited with " + process.exitValue() + ":\n" + logs());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException(
        "nginx did not listen on "
            + port
            + " within "
            + READY_TIMEOUT.toSeconds()
            + " s:\n"
            + logs());
  }

  /** The nginx executable: on the PATH, or where packages put it (often not on a user's PATH). */
  static Path binary() {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.addAll(SEARCH_PATH);
    for (String d : dirs) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, "nginx"))) {
        return Path.of(d, "nginx");
      }
    }
    throw ExternalPrograms.missing(
        "nginx is not installed (looked in the PATH and "
            + SEARCH_PATH
            + "): the TLS tests use it as their TLS proxy. Install it to run them: "
            + "sudo apt-get install nginx (Debian, Ubuntu), sudo dnf install nginx (Fedora), "
            + "brew install nginx (macOS)");
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String logs() {
    StringBuilder s = new StringBuilder();
    for (String name : List.of("stdout.log", "error.log")) {
      Path log = dir.resolve("logs").resolve(name);
      try {
        if (Files.exists(log)) {
          s.append("--- ").append(log).append('\n').append(Files.readString(log));
        }
      } catch (IOException e) {
        s.append("(cannot read ").append(log).append(")\n");
      }
    }
    return s.toString();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs stop() itself
    }
    stop();
  }

  /** End of stdin makes the wrapper kill nginx; if that does not work, kill both directly. */
  private synchronized void stop() {
    try {
      process.getOutputStream().close();
      if (process.waitFor(10, TimeUnit.SECONDS)) {
        return;
      }
    } catch (IOException ignored) {
      // already closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
