package dev.sparkjdbc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Bandwidth for the network benchmark: a network namespace of the bench's own with a veth pair of
 * private addresses, the server's end inside it, and the kernel's token bucket filter ({@code tbf})
 * on both ends, one per direction. Needs root and {@code ip}/{@code tc}; {@link #open} says why not
 * when it cannot. Removed on close, by a shutdown hook (Ctrl-C), and at the next start if a killed
 * run left it behind.
 */
final class NetworkLink implements AutoCloseable {
  static final String NAMESPACE = "sparkjdbc-bench-net";
  private static final String HOST_END = "sjb-host";
  private static final String NS_END = "sjb-ns";

  /** The host end and the namespace's end; a /30 of the RFC 1918 space nothing else here uses. */
  static final String HOST_ADDRESS = "10.231.19.1";

  static final String NS_ADDRESS = "10.231.19.2";

  /**
   * How long a packet may wait in tbf's queue. 2 ms (a queue smaller than one 64 KiB offload packet
   * at 100 Mbit/s) dropped thousands of segments per read, and the retransmission timeouts that
   * followed (200 ms each, Linux's minimum) fell on one reader or another at random and moved
   * single cells by 10-25%. A router's buffer of 20 ms is an ordinary one; the added delay only
   * arises while the link is full, where it is what a real link does too.
   */
  private static final int QUEUE_MILLIS = 20;

  private final Thread hook = new Thread(NetworkLink::removeQuietly, "network-link-cleanup");

  private NetworkLink() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The link, or an exception whose message says why there is none. */
  static NetworkLink open() throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IOException("not root: shaping bandwidth needs a network namespace and tc");
    }
    removeQuietly(); // a killed earlier run's namespace and processes
    NetworkLink link = new NetworkLink();
    try {
      run("ip", "netns", "add", NAMESPACE);
      run("ip", "link", "add", HOST_END, "type", "veth", "peer", "name", NS_END);
      run("ip", "link", "set", NS_END, "netns", NAMESPACE);
      run("ip", "addr", "add", HOST_ADDRESS + "/30", "dev", HOST_END);
      run("ip", "link", "set", HOST_END, "up");
      inNamespace("ip", "addr", "add", NS_ADDRESS + "/30", "dev", NS_END);
      inNamespace("ip", "link", "set", NS_END, "up");
      // Spark's local driver talks to itself over 127.0.0.1 inside the namespace.
      inNamespace("ip", "link", "set", "lo", "up");
      return link;
    } catch (IOException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  /** The command prefix that runs a program inside the namespace. */
  static List<String> prefix() {
    return List.of("ip", "netns", "exec", NAMESPACE);
  }

  /**
   * Shapes both directions to {@code bitsPerSecond}, 0 for unlimited (no qdisc). The bucket holds 1
   * ms of traffic at the rate (at least 64 KiB, one segmentation-offload packet, so no packet waits
   * for a bucket bigger than it can ever hold); the queue holds {@link #QUEUE_MILLIS} worth.
   */
  void shape(long bitsPerSecond) throws IOException {
    for (boolean ns : new boolean[] {false, true}) {
      String dev = ns ? NS_END : HOST_END;
      List<String> command = new ArrayList<>();
      if (ns) {
        command.addAll(prefix());
      }
      if (bitsPerSecond == 0) {
        command.addAll(List.of("tc", "qdisc", "del", "dev", dev, "root"));
        runQuietly(command);
        continue;
      }
      long burst = Math.max(64 * 1024, bitsPerSecond / 8 / 1000);
      command.addAll(
          List.of(
              "tc",
              "qdisc",
              "replace",
              "dev",
              dev,
              "root",
              "tbf",
              "rate",
              bitsPerSecond + "bit",
              "burst",
              Long.toString(burst),
              "latency",
              QUEUE_MILLIS + "ms"));
      run(command.toArray(String[]::new));
    }
  }

  /**
   * The rate a plain TCP bulk transfer from the namespace achieves now, in bits per second: a sink
   * process in the namespace sends without pause, the bench reads for two seconds after half a
   * second of slow start.
   */
  static double measureRate(Path benchClasses) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix());
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            benchClasses.toString(),
            NetworkLink.class.getName(),
            NS_ADDRESS));
    Process source = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String ready =
          new String(source.getInputStream().readNBytes(6), StandardCharsets.US_ASCII).trim();
      int port = Integer.parseInt(ready);
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(NS_ADDRESS, port));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1 << 20];
        long warm = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warm) {
          in.read(buffer);
        }
        long bytes = 0;
        long start = System.nanoTime();
        long end = start + 2_000_000_000L;
        long now = start;
        while (now < end) {
          int n = in.read(buffer);
          if (n < 0) {
            break;
          }
          bytes += n;
          now = System.nanoTime();
        }
        return bytes * 8e9 / (now - start);
      }
    } finally {
      source.destroyForcibly();
      source.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The bulk source run in the namespace: prints its port (6 characters), then sends forever. */
  public static void main(String[] args) throws IOException {
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(args[0], 0));
      System.out.print(String.format(Locale.ROOT, "%-6d", listener.getLocalPort()));
      System.out.flush();
      try (Socket socket = listener.accept()) {
        OutputStream out = socket.getOutputStream();
        byte[] data = new byte[1 << 20];
        while (true) {
          out.write(data);
        }
      }
    }
  }

  private static void inNamespace(String... command) throws IOException {
    List<String> full = new ArrayList<>(prefix());
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private static void run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    try {
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static void runQuietly(List<String> command) {
    try {
      run(command.toArray(String[]::new));
    } catch (IOException e) {
      // Nothing to remove.
    }
  }

  /**
   * Ends what still runs in the namespace (only the bench's own processes run there), then deletes
   * it, which deletes the veth pair with it.
   */
  private static void removeQuietly() {
    try {
      Process p = new ProcessBuilder("ip", "netns", "pids", NAMESPACE).start();
      String pids = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      p.waitFor();
      for (String pid : pids.trim().split("\\s+")) {
        if (!pid.isEmpty()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    } catch (IOException | InterruptedException | NumberFormatException e) {
      // No namespace, or nothing in it.
    }
    runQuietly(List.of("ip", "netns", "del", NAMESPACE));
    runQuietly(List.of("ip", "link", "del", HOST_END));
  }

  @Override
  public void close() {
    removeQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
    }
  }
}
