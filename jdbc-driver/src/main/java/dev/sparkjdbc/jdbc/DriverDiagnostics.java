package dev.sparkjdbc.jdbc;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;

/**
 * What the driver holds right now, for leak checks by tests and monitoring: Arrow memory, open
 * connections and the threads the driver (and the gRPC runtime it uses) is running. Every
 * connection allocates from one root, so one number tells whether any result memory is held.
 */
public final class DriverDiagnostics {
  /**
   * Inside the standalone jar, Arrow is the driver's private copy and would greet every application
   * with INFO lines on stderr (its allocator choice, its debug mode): its logger is quieted to
   * WARNING unless the user set a level. Held here because java.util.logging keeps loggers only
   * weakly. The thin jar leaves the application's own Arrow logging alone.
   */
  private static final Logger PRIVATE_ARROW_LOG = quietPrivateArrow();

  /** The allocator named up front, so that Arrow does not search for one (and say so). */
  private static final BufferAllocator ROOT =
      new RootAllocator(
          RootAllocator.configBuilder()
              .allocationManagerFactory(UnsafeAllocationManager.FACTORY)
              .build());

  private static Logger quietPrivateArrow() {
    String arrowPackage = BufferAllocator.class.getPackageName();
    if (!arrowPackage.startsWith("dev.sparkjdbc.")) {
      return null;
    }
    Logger log = Logger.getLogger(arrowPackage);
    if (log.getLevel() == null) {
      log.setLevel(Level.WARNING);
    }
    return log;
  }

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
   * Names of the live threads the driver runs: its own ({@code sparkjdbc-}) and gRPC's ({@code
   * grpc-}), which gRPC shares between channels and stops about a second after the last channel
   * closes.
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
