package dev.sparkjdbc.jdbc;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * What the driver holds right now, for leak checks by tests and monitoring: Arrow memory, open
 * connections and the threads the driver (and the gRPC runtime it uses) is running. Every
 * connection allocates from one root, so one number tells whether any result memory is held.
 */
public final class DriverDiagnostics {
  private static final BufferAllocator ROOT = new RootAllocator();
  private static final AtomicInteger OPEN_CONNECTIONS = new AtomicInteger();

  private DriverDiagnostics() {}

  /** Bytes of Arrow memory allocated by all connections and not yet freed. */
  public static long arrowBytesAllocated() {
    return ROOT.getAllocatedMemory();
  }

  /** Connections opened and not yet closed. */
  public static int openConnections() {
    return OPEN_CONNECTIONS.get();
  }

  /**
   * Names of the live threads the driver runs: its own ({@code sparkjdbc-}) and gRPC's
   * ({@code grpc-}), which gRPC shares between channels and stops about a second after the
   * last channel closes.
   */
  public static List<String> driverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("sparkjdbc-") || n.startsWith("grpc-"))
        .sorted()
        .toList();
  }

  static BufferAllocator newConnectionAllocator(String name) {
    return ROOT.newChildAllocator(name, 0, Long.MAX_VALUE);
  }

  static void connectionOpened() {
    OPEN_CONNECTIONS.incrementAndGet();
  }

  static void connectionClosed() {
    OPEN_CONNECTIONS.decrementAndGet();
  }
}
