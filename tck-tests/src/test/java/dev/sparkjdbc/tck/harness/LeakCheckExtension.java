package dev.sparkjdbc.tck.harness;

import dev.sparkjdbc.jdbc.DriverDiagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Proves that the suite cleans up after itself, registered for every tck test through {@code
 * META-INF/services} (auto-detection is on in {@code junit-platform.properties}).
 *
 * <ul>
 *   <li>After each test (after its {@code @AfterEach} methods): the shared server, asked through
 *       its diagnostics endpoint, holds no Spark Connect execution the test started. The driver
 *       releases an execution (ReleaseExecute) when its result is consumed or closed, possibly a
 *       little later, so this waits up to {@value #OPERATION_WAIT_SECONDS} s.
 *   <li>After each class (after its {@code @AfterAll} methods): the driver holds no open
 *       connection, no Arrow memory and no thread of its own ({@code sparkjdbc-}), waiting up to
 *       {@value #THREAD_WAIT_SECONDS} s for threads to end (the channels' network threads, {@code
 *       sparkjdbc-grpc-}, end a second after the last connection closes); and the shared server
 *       holds no execution the class started outside its tests ({@code @BeforeAll},
 *       {@code @AfterAll}).
 * </ul>
 *
 * <p>A leak is reported once, by the test or class that caused it: what was already held when the
 * test or class began (a leak reported earlier) does not fail later ones.
 */
public final class LeakCheckExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private static final long OPERATION_WAIT_SECONDS = 5;
  private static final long THREAD_WAIT_SECONDS = 4;
  private static final Duration POLL = Duration.ofMillis(50);
  private static final String DRIVER_THREAD_PREFIX = "sparkjdbc-";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakCheckExtension.class);

  /** What the driver and the server held when a class began. */
  private record ClassBaseline(
      int openConnections,
      long arrowBytes,
      Set<Thread> driverThreads,
      Set<String> operations,
      Set<String> reported) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getStore(NAMESPACE)
        .put(
            ClassBaseline.class,
            new ClassBaseline(
                DriverDiagnostics.openConnections(),
                DriverDiagnostics.arrowBytesAllocated(),
                driverThreads(),
                operationIds(context),
                new HashSet<>()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(Baseline.class, new Baseline(operationIds(context)));
  }

  /** The executions the shared server held when a test began. */
  private record Baseline(Set<String> operations) {}

  @Override
  public void afterEach(ExtensionContext context) {
    SparkConnectServer server = SparkConnectServerExtension.sharedIfStarted(context);
    if (server == null) {
      return;
    }
    Baseline baseline = context.getStore(NAMESPACE).get(Baseline.class, Baseline.class);
    List<ServerOperations.Operation> left =
        awaitReleased(server, baseline == null ? Set.of() : baseline.operations());
    if (left.isEmpty()) {
      return;
    }
    ClassBaseline classBaseline = classBaseline(context);
    if (classBaseline != null) {
      left.forEach(op -> classBaseline.reported().add(op.operationId()));
    }
    throw new AssertionError(
        testName(context)
            + " left "
            + left.size()
            + " Spark Connect operation(s) open on the server "
            + OPERATION_WAIT_SECONDS
            + " s after it ended (never released: a result set or statement left open, or the"
            + " driver not sending ReleaseExecute): "
            + describe(left));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassBaseline baseline = classBaseline(context);
    if (baseline == null) {
      return;
    }
    String className = context.getRequiredTestClass().getName();
    List<String> leaks = new ArrayList<>();

    int connections = DriverDiagnostics.openConnections();
    if (connections > baseline.openConnections()) {
      leaks.add(
          (connections - baseline.openConnections())
              + " open connection(s) (DriverDiagnostics.openConnections() = "
              + connections
              + since(baseline.openConnections())
              + ")");
    }
    long arrowBytes = DriverDiagnostics.arrowBytesAllocated();
    if (arrowBytes > baseline.arrowBytes()) {
      leaks.add(
          (arrowBytes - baseline.arrowBytes())
              + " bytes of Arrow memory (DriverDiagnostics.arrowBytesAllocated() = "
              + arrowBytes
              + since(baseline.arrowBytes())
              + ")");
    }
    List<String> threads = awaitDriverThreadsEnd(baseline.driverThreads());
    if (!threads.isEmpty()) {
      leaks.add(
          threads.size()
              + " live driver thread(s) "
              + THREAD_WAIT_SECONDS
              + " s after the class ended: "
              + threads);
    }
    SparkConnectServer server = SparkConnectServerExtension.sharedIfStarted(context);
    if (server != null) {
      Set<String> known = new HashSet<>(baseline.operations());
      known.addAll(baseline.reported());
      List<ServerOperations.Operation> left = awaitReleased(server, known);
      if (!left.isEmpty()) {
        leaks.add(
            left.size()
                + " Spark Connect operation(s) open on the server, started outside"
                + " its tests (@BeforeAll/@AfterAll): "
                + describe(left));
      }
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          className
              + " leaked after all its tests and @AfterAll methods: "
              + String.join("; ", leaks));
    }
  }

  private static ClassBaseline classBaseline(ExtensionContext context) {
    // The class context's store is visible from its method contexts too.
    return context.getStore(NAMESPACE).get(ClassBaseline.class, ClassBaseline.class);
  }

  private static String since(long before) {
    return before == 0 ? "" : ", of which " + before + " were held before the class began";
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestClass().getName()
        + "."
        + context.getRequiredTestMethod().getName()
        + "() ["
        + context.getDisplayName()
        + "]";
  }

  private static Set<String> operationIds(ExtensionContext context) {
    SparkConnectServer server = SparkConnectServerExtension.sharedIfStarted(context);
    if (server == null) {
      return Set.of();
    }
    return server.operations().list().stream()
        .map(ServerOperations.Operation::operationId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Polls until the server holds no execution outside {@code known}; returns those left. */
  private static List<ServerOperations.Operation> awaitReleased(
      SparkConnectServer server, Set<String> known) {
    long deadline = System.nanoTime() + Duration.ofSeconds(OPERATION_WAIT_SECONDS).toNanos();
    while (true) {
      List<ServerOperations.Operation> left =
          server.operations().list().stream()
              .filter(op -> !known.contains(op.operationId()))
              .toList();
      if (left.isEmpty() || System.nanoTime() - deadline >= 0 || !sleep()) {
        return left;
      }
    }
  }

  /**
   * Polls until no driver thread outside {@code known} is alive; returns the names of those left.
   */
  private static List<String> awaitDriverThreadsEnd(Set<Thread> known) {
    long deadline = System.nanoTime() + Duration.ofSeconds(THREAD_WAIT_SECONDS).toNanos();
    while (true) {
      List<String> left =
          driverThreads().stream()
              .filter(t -> !known.contains(t))
              .map(Thread::getName)
              .sorted()
              .toList();
      if (left.isEmpty() || System.nanoTime() - deadline >= 0 || !sleep()) {
        return left;
      }
    }
  }

  private static Set<Thread> driverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(DRIVER_THREAD_PREFIX))
        .collect(Collectors.toSet());
  }

  private static String describe(List<ServerOperations.Operation> operations) {
    return operations.stream()
        .map(ServerOperations.Operation::toString)
        .collect(Collectors.joining(", "));
  }

  private static boolean sleep() {
    try {
      Thread.sleep(POLL.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
