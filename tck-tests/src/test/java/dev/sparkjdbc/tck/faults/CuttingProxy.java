package dev.sparkjdbc.tck.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process TCP proxy in front of the real server that breaks connections the way a flaky
 * network or a load balancer does: it cuts every connection after a number of bytes from the
 * server, or stops forwarding altogether (a black hole). A real server cannot be made to do either
 * on demand, which is why this fake exists. It also counts the bytes the server sent, which shows
 * what HTTP/2 flow control let through.
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final long cutAfterBytes;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger cuts = new AtomicInteger();
  private final AtomicLong fromServer = new AtomicLong();
  private volatile boolean blackHole;

  /** {@code cutAfterBytes <= 0}: never cut. */
  CuttingProxy(int targetPort, long cutAfterBytes) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.cutAfterBytes = cutAfterBytes;
    Thread acceptor = new Thread(this::acceptLoop, "cutting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "jdbc:sc://127.0.0.1:" + listener.getLocalPort();
  }

  /** How many connections were cut so far. */
  int cuts() {
    return cuts.get();
  }

  /** From now on nothing is forwarded either way, and nothing is closed: a silent network. */
  void becomeBlackHole() {
    blackHole = true;
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, Long.MAX_VALUE, new AtomicLong());
        pump(server, client, cutAfterBytes <= 0 ? Long.MAX_VALUE : cutAfterBytes, fromServer);
      }
    } catch (IOException closed) {
      // the proxy was closed
    }
  }

  /** Bytes forwarded from the server to the client so far, over all connections. */
  long bytesFromServer() {
    return fromServer.get();
  }

  private void pump(Socket from, Socket to, long limit, AtomicLong forwarded) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              long sent = 0;
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  while (blackHole) {
                    Thread.sleep(50);
                  }
                  int allowed = (int) Math.min(n, limit - sent);
                  out.write(buffer, 0, allowed);
                  sent += allowed;
                  forwarded.addAndGet(allowed);
                  if (sent >= limit) {
                    cuts.incrementAndGet();
                    break;
                  }
                }
              } catch (IOException | InterruptedException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    blackHole = false;
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
