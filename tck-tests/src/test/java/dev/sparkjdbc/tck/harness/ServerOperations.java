package dev.sparkjdbc.tck.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SparkConnectServer} holds, asked from the server itself over its loopback
 * diagnostics endpoint ({@code --diagnostics-port}): the Spark Connect executions it keeps
 * (running, or finished and not yet released by the client) and its running Spark jobs.
 */
public final class ServerOperations {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration POLL = Duration.ofMillis(50);

  /**
   * One execution the server holds. {@code state} is Spark's ExecuteStatus (Pending, Started,
   * Analyzed, ReadyForExecution, Finished, Failed, Canceled, Closed); {@code runningJobs} counts
   * the operation's Spark jobs still running.
   */
  public record Operation(
      String operationId, String sessionId, String userId, String state, int runningJobs) {
    @Override
    public String toString() {
      return operationId
          + " ("
          + state
          + ", session "
          + sessionId
          + ", user "
          + userId
          + ", "
          + runningJobs
          + " running job"
          + (runningJobs == 1 ? "" : "s")
          + ")";
    }
  }

  /**
   * An operation as Spark announced its start to its listeners (what the Spark UI's Connect tab
   * shows): the tags the client put on it and the client type of its request.
   */
  public record Started(
      String operationId, String sessionId, String userId, List<String> tags, String clientType) {}

  private final String baseUrl;

  ServerOperations(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The executions the server holds right now. */
  public List<Operation> list() {
    List<Operation> operations = new ArrayList<>();
    for (String line : get("/operations").split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalStateException("unexpected line from " + baseUrl + "/operations: " + line);
      }
      operations.add(new Operation(f[0], f[1], f[2], f[3], Integer.parseInt(f[4])));
    }
    return operations;
  }

  /**
   * The operation {@code operationId} as Spark announced its start, waiting up to 10 s for the
   * announcement (Spark's listener bus delivers events asynchronously).
   */
  public Started started(String operationId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      for (String line : get("/started").split("\n")) {
        String[] f = line.split("\t", -1);
        if (f.length == 5 && f[0].equals(operationId)) {
          return new Started(
              f[0], f[1], f[2], f[3].isEmpty() ? List.of() : List.of(f[3].split(",")), f[4]);
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException("the server announced no operation " + operationId);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /**
   * How many operations Spark announced as closed since the server started (released by a client,
   * or dropped as abandoned). Spark's listener bus delivers events asynchronously, so the count may
   * lag a release by a moment.
   */
  public long closed() {
    return Long.parseLong(get("/closed").trim());
  }

  /** The number of Spark jobs running in the server. */
  public int runningJobs() {
    return Integer.parseInt(get("/jobs").trim());
  }

  /**
   * Waits up to {@code timeout} until the server holds no execution. Returns the executions still
   * there at the end: empty when none remain.
   */
  public List<Operation> awaitNone(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Operation> left = list();
      if (left.isEmpty() || System.nanoTime() - deadline >= 0) {
        return left;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
    }
  }

  private String get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET "
                + baseUrl
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + baseUrl + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + baseUrl + path, e);
    }
  }

  @Override
  public String toString() {
    return "ServerOperations[" + baseUrl + "]";
  }
}
