package dev.sparkjdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP side of {@link ServerDiagnostics}, over a stand-in source (no Spark needed). */
class ServerDiagnosticsTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> get(ServerDiagnostics diagnostics, String path)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(diagnostics.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void operationsAreTabSeparatedLinesAndJobsACount() throws Exception {
    ServerDiagnostics.Source source =
        new ServerDiagnostics.Source() {
          @Override
          public List<ServerDiagnostics.Operation> operations() {
            return List.of(
                new ServerDiagnostics.Operation("op-1", "session-1", "alice", "Started", 2),
                new ServerDiagnostics.Operation("op-2", "session-1", "alice", "Finished", 0));
          }

          @Override
          public int runningJobs() {
            return 3;
          }
        };
    try (ServerDiagnostics diagnostics = ServerDiagnostics.start(0, source)) {
      assertThat(diagnostics.url()).startsWith("http://127.0.0.1:");
      HttpResponse<String> ops = get(diagnostics, "/operations");
      assertThat(ops.statusCode()).isEqualTo(200);
      assertThat(ops.body())
          .isEqualTo("op-1\tsession-1\talice\tStarted\t2\nop-2\tsession-1\talice\tFinished\t0\n");
      assertThat(get(diagnostics, "/jobs").body()).isEqualTo("3\n");
      assertThat(get(diagnostics, "/nothing").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void startedOperationsListTheirTagsSortedAndTheirClientType() throws Exception {
    ServerDiagnostics.Source source =
        new ServerDiagnostics.Source() {
          @Override
          public List<ServerDiagnostics.Operation> operations() {
            return List.of();
          }

          @Override
          public int runningJobs() {
            return 0;
          }

          @Override
          public List<ServerDiagnostics.Started> started() {
            return List.of(
                new ServerDiagnostics.Started(
                    "op-1", "s-1", "bob", List.of("z=1", "a=2"), "tool/1"),
                new ServerDiagnostics.Started("op-2", "s-1", "bob", List.of(), ""));
          }
        };
    try (ServerDiagnostics diagnostics = ServerDiagnostics.start(0, source)) {
      HttpResponse<String> started = get(diagnostics, "/started");
      assertThat(started.statusCode()).isEqualTo(200);
      assertThat(started.body()).isEqualTo("op-1\ts-1\tbob\ta=2,z=1\ttool/1\nop-2\ts-1\tbob\t\t\n");
    }
  }

  @Test
  void aFailingSourceAnswers500AndTheServerKeepsServing() throws Exception {
    ServerDiagnostics.Source source =
        new ServerDiagnostics.Source() {
          @Override
          public List<ServerDiagnostics.Operation> operations() {
            throw new IllegalStateException("no execution manager");
          }

          @Override
          public int runningJobs() {
            return 0;
          }
        };
    try (ServerDiagnostics diagnostics = ServerDiagnostics.start(0, source)) {
      HttpResponse<String> failed = get(diagnostics, "/operations");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).contains("IllegalStateException: no execution manager");
      assertThat(get(diagnostics, "/jobs").body()).isEqualTo("0\n");
    }
  }

  @Test
  void noOperationsIsAnEmptyBody() throws Exception {
    ServerDiagnostics.Source source =
        new ServerDiagnostics.Source() {
          @Override
          public List<ServerDiagnostics.Operation> operations() {
            return List.of();
          }

          @Override
          public int runningJobs() {
            return 0;
          }
        };
    try (ServerDiagnostics diagnostics = ServerDiagnostics.start(0, source)) {
      HttpResponse<String> ops = get(diagnostics, "/operations");
      assertThat(ops.statusCode()).isEqualTo(200);
      assertThat(ops.body()).isEmpty();
    }
  }
}
