package dev.sparkjdbc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Round-trip time for the network benchmark: a TCP proxy on 127.0.0.1 in front of the server whose
 * two directions are each a delay line of RTT/2. A reader thread timestamps every chunk it receives
 * and queues it; a writer thread sends each chunk when it is due, in order. The queue is unbounded,
 * so the proxy never limits throughput: what limits it is the end-to-end HTTP/2 and gRPC flow
 * control, whose window updates take the full round trip as they would on a real link. TCP's own
 * window is not shaped (each hop is a local connection that acknowledges at once).
 *
 * <p>It also counts what crossed it: bytes per direction, and "request bursts", client-to-server
 * data that follows server-to-client data on the same connection (or opens it). A burst is an upper
 * bound on round trips: HTTP/2 window updates and ping acknowledgements the client sends while it
 * receives are bursts too.
 */
final class DelayProxy implements AutoCloseable {
  private static final int CHUNK = 256 * 1024;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final long oneWayNanos;
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicLong toServerBytes = new AtomicLong();
  private final AtomicLong toClientBytes = new AtomicLong();
  private final AtomicLong bursts = new AtomicLong();
  private volatile boolean closed;

  /** Counters read together: bytes client to server, server to client, request bursts. */
  record Counts(long toServer, long toClient, long bursts) {
    Counts minus(Counts before) {
      return new Counts(
          toServer - before.toServer, toClient - before.toClient, bursts - before.bursts);
    }
  }

  DelayProxy(InetSocketAddress target, double rttMillis) throws IOException {
    this.target = target;
    this.oneWayNanos = (long) (rttMillis * 1e6 / 2);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "delay-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  Counts counts() {
    return new Counts(toServerBytes.get(), toClientBytes.get(), bursts.get());
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.setTcpNoDelay(true);
        client.setTcpNoDelay(true);
        server.connect(target);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        // Which way data went last on this connection: a client chunk after a server chunk
        // starts a new request burst.
        boolean[] serverSpokeLast = {true};
        AtomicInteger open = new AtomicInteger(2);
        pipe(client, server, toServerBytes, serverSpokeLast, false, open);
        pipe(server, client, toClientBytes, serverSpokeLast, true, open);
      } catch (IOException e) {
        if (!closed) {
          System.err.println("DelayProxy: " + e);
        }
      }
    }
  }

  private record Chunk(byte[] data, int length, long dueNanos) {}

  private static final Chunk END = new Chunk(new byte[0], -1, 0);

  private void pipe(
      Socket from,
      Socket to,
      AtomicLong bytes,
      boolean[] serverSpokeLast,
      boolean fromServer,
      AtomicInteger openDirections)
      throws IOException {
    LinkedBlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try {
                while (true) {
                  byte[] buffer = new byte[CHUNK];
                  int n = in.read(buffer);
                  if (n < 0) {
                    break;
                  }
                  long due = System.nanoTime() + oneWayNanos;
                  bytes.addAndGet(n);
                  synchronized (serverSpokeLast) {
                    if (!fromServer && serverSpokeLast[0]) {
                      bursts.incrementAndGet();
                    }
                    serverSpokeLast[0] = fromServer;
                  }
                  line.add(new Chunk(n < CHUNK / 4 ? Arrays.copyOf(buffer, n) : buffer, n, due));
                }
              } catch (IOException e) {
                // The connection ended: pass the end on.
              }
              line.add(END);
            },
            "delay-proxy-read");
    Thread writer =
        new Thread(
            () -> {
              try {
                while (true) {
                  Chunk chunk = line.take();
                  if (chunk == END) {
                    break;
                  }
                  for (long wait = chunk.dueNanos() - System.nanoTime();
                      wait > 0;
                      wait = chunk.dueNanos() - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                  }
                  out.write(chunk.data(), 0, chunk.length());
                }
                to.shutdownOutput();
              } catch (IOException | InterruptedException e) {
                // The other side is gone.
              }
              // Half-closed until the other direction ends too, as TCP would be.
              if (openDirections.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "delay-proxy-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is all that is left to do.
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    synchronized (sockets) {
      sockets.forEach(DelayProxy::closeQuietly);
      sockets.clear();
    }
  }
}
