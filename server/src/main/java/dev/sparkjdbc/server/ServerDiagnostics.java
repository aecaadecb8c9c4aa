package dev.sparkjdbc.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.connect.service.ExecuteInfo;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.apache.spark.sql.connect.service.SparkListenerConnectOperationClosed;
import org.apache.spark.sql.connect.service.SparkListenerConnectOperationStarted;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * A loopback-only HTTP endpoint that shows what the Spark Connect service really holds, so tests
 * can prove from the server's side that a client released everything it started.
 *
 * <ul>
 *   <li>{@code GET /operations}: {@code text/plain}, one line per execution the service holds
 *       (running, or finished and not yet released), fields separated by tabs: operation id,
 *       session id, user id, state (Spark's {@code ExecuteStatus}: Pending, Started, Analyzed,
 *       ReadyForExecution, Finished, Failed, Canceled, Closed) and the number of Spark jobs of that
 *       operation still running. No lines when the server holds no execution.
 *   <li>{@code GET /jobs}: the number of Spark jobs running in the whole server, one line.
 *   <li>{@code GET /started}: the last {@value #STARTED_KEPT} operations Spark announced to its
 *       listeners, oldest first, one per line: operation id, session id, user id, tags, client
 *       type, tab-separated.
 *   <li>{@code GET /closed}: how many operations Spark announced as closed (released by the client,
 *       or dropped by the server as abandoned) since the server started, one line.
 * </ul>
 *
 * <p>A failing request answers 500 with the exception; it never stops the server.
 */
final class ServerDiagnostics implements AutoCloseable {
  static final String ANNOUNCE_PREFIX = "Spark Connect diagnostics at ";

  /** One execution held by the server, as {@code /operations} prints it. */
  record Operation(
      String operationId, String sessionId, String userId, String state, int runningJobs) {
    String line() {
      return String.join(
          "\t", operationId, sessionId, userId, state, Integer.toString(runningJobs));
    }
  }

  /**
   * One operation as Spark announced its start to its listeners (what the Connect tab of the Spark
   * UI shows), as {@code /started} prints it: the tags the client put on it, joined by commas in
   * sorted order, and the client type of its request.
   */
  record Started(
      String operationId, String sessionId, String userId, List<String> tags, String clientType) {
    String line() {
      return String.join(
          "\t",
          operationId,
          sessionId,
          userId,
          String.join(",", tags.stream().sorted().toList()),
          clientType);
    }
  }

  /** Where the answers come from: the real Spark Connect service, or a stand-in in tests. */
  interface Source {
    List<Operation> operations();

    int runningJobs();

    /** The operations started most recently, oldest first (at most {@link #STARTED_KEPT}). */
    default List<Started> started() {
      return List.of();
    }

    /** Operations closed since the server started. */
    default long closed() {
      return 0;
    }
  }

  static final int STARTED_KEPT = 1000;

  private final HttpServer http;
  private final ExecutorService executor;

  private ServerDiagnostics(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /** Serves {@code source} on 127.0.0.1:{@code port} (0 picks a free port). */
  static ServerDiagnostics start(int port, Source source) throws IOException {
    HttpServer http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "diagnostics-http");
              thread.setDaemon(true);
              return thread;
            });
    http.setExecutor(executor);
    http.createContext(
        "/operations",
        exchange ->
            answer(
                exchange,
                () -> {
                  StringBuilder text = new StringBuilder();
                  for (Operation op : source.operations()) {
                    text.append(op.line()).append('\n');
                  }
                  return text.toString();
                }));
    http.createContext("/jobs", exchange -> answer(exchange, () -> source.runningJobs() + "\n"));
    http.createContext(
        "/started",
        exchange ->
            answer(
                exchange,
                () -> {
                  StringBuilder text = new StringBuilder();
                  for (Started op : source.started()) {
                    text.append(op.line()).append('\n');
                  }
                  return text.toString();
                }));
    http.createContext("/closed", exchange -> answer(exchange, () -> source.closed() + "\n"));
    http.start();
    return new ServerDiagnostics(http, executor);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  private static void answer(HttpExchange exchange, Callable<String> body) throws IOException {
    int status;
    String text;
    String path = exchange.getRequestURI().getPath();
    if (!exchange.getRequestMethod().equals("GET")) {
      status = 405;
      text = "only GET\n";
    } else if (!path.equals(exchange.getHttpContext().getPath())) {
      status = 404;
      text = "no such resource: " + path + "\n";
    } else {
      try {
        text = body.call();
        status = 200;
      } catch (Exception | LinkageError e) {
        // LinkageError too: a Spark upgrade that changes these internals must not stop the server.
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        status = 500;
        text = trace.toString();
      }
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (exchange;
        OutputStream out = exchange.getResponseBody()) {
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        out.write(bytes);
      }
    }
  }

  /** The executions of this JVM's Spark Connect service and the jobs of {@code context}. */
  static Source of(SparkContext context) {
    StartedOperations started = new StartedOperations();
    context.addSparkListener(started);
    ClosedOperations closed = new ClosedOperations();
    context.addSparkListener(closed);
    return new Source() {
      @Override
      public List<Started> started() {
        return started.list();
      }

      @Override
      public long closed() {
        return closed.count.get();
      }

      @Override
      public List<Operation> operations() {
        // Left(last execution time) when the service holds no execution at all.
        Either<Object, Seq<ExecuteInfo>> active = SparkConnectService.listActiveExecutions();
        if (active.isLeft()) {
          return List.of();
        }
        SparkStatusTracker tracker = context.statusTracker();
        return CollectionConverters.asJava(active.toOption().get()).stream()
            .map(
                info ->
                    new Operation(
                        info.operationId(),
                        info.sessionId(),
                        info.userId(),
                        info.status().toString(),
                        running(tracker, tracker.getJobIdsForTag(info.jobTag()))))
            .toList();
      }

      @Override
      public int runningJobs() {
        SparkStatusTracker tracker = context.statusTracker();
        return running(tracker, tracker.getActiveJobIds());
      }
    };
  }

  /** Keeps the last {@link #STARTED_KEPT} operation-start events of the listener bus. */
  private static final class StartedOperations extends SparkListener {
    private final Deque<Started> kept = new ArrayDeque<>();

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (!(event instanceof SparkListenerConnectOperationStarted start)) {
        return;
      }
      String clientType =
          start.planRequest().isDefined() ? start.planRequest().get().getClientType() : "";
      Started op =
          new Started(
              start.operationId(),
              start.sessionId(),
              start.userId(),
              List.copyOf(CollectionConverters.asJava(start.sparkSessionTags())),
              clientType);
      synchronized (kept) {
        kept.addLast(op);
        if (kept.size() > STARTED_KEPT) {
          kept.removeFirst();
        }
      }
    }

    List<Started> list() {
      synchronized (kept) {
        return List.copyOf(kept);
      }
    }
  }

  /** Counts the operation-closed events of the listener bus. */
  private static final class ClosedOperations extends SparkListener {
    private final AtomicLong count = new AtomicLong();

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerConnectOperationClosed) {
        count.incrementAndGet();
      }
    }
  }

  private static int running(SparkStatusTracker tracker, int[] jobIds) {
    int running = 0;
    for (int id : jobIds) {
      scala.Option<SparkJobInfo> info = tracker.getJobInfo(id);
      if (info.isDefined() && info.get().status() == JobExecutionStatus.RUNNING) {
        running++;
      }
    }
    return running;
  }
}
