package dev.sparkjdbc.tck.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkjdbc.tck.harness.BinScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/sql against a server that wants a token, without the token in the URL or on a command line:
 * from SPARKJDBC_TOKEN, or typed at sqlline's password prompt after {@code -n token}.
 */
@ExtendWith(SecuredServerExtension.class)
class SqlShellTokenTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final List<String> QUERY =
      List.of("--outputformat=csv", "-e", "SELECT 6 * 7 AS answer");

  private static List<String> args(SecuredServer server, String... more) {
    List<String> args = new ArrayList<>(List.of("-u", server.url()));
    args.addAll(List.of(more));
    args.addAll(QUERY);
    return args;
  }

  /** While bin/sql runs, no process of this machine shows the token in its command line. */
  @Test
  void tokenFromTheEnvironment(SecuredServer server, @TempDir Path dir) throws Exception {
    BinScript bin =
        new BinScript(BinScript.repositoryRoot(), dir)
            .env("SPARKJDBC_BUILD", "never")
            .env("SPARKJDBC_TOKEN", server.token());
    CompletableFuture<BinScript.Result> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return bin.run("sql", args(server), null, TIMEOUT);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    List<String> leaks = new ArrayList<>();
    while (!run.isDone()) {
      ProcessHandle.allProcesses()
          .map(p -> p.info().commandLine().orElse(""))
          .filter(line -> line.contains(server.token()))
          .forEach(leaks::add);
      Thread.sleep(50);
    }
    BinScript.Result result = run.get();

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout()).contains("'answer'", "'42'");
    assertThat(leaks).as("command lines with the token").isEmpty();
  }

  @Test
  void tokenTypedAtThePrompt(SecuredServer server, @TempDir Path dir) throws Exception {
    BinScript.Result result =
        new BinScript(BinScript.repositoryRoot(), dir)
            .env("SPARKJDBC_BUILD", "never")
            .run("sql", args(server, "-n", "token"), server.token() + "\n", TIMEOUT);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.stdout()).contains("Enter password for " + server.url());
    assertThat(result.stdout()).contains("'answer'", "'42'");
    assertThat(result.stdout() + result.stderr()).doesNotContain(server.token());
  }

  @Test
  void withoutATokenTheServerRefuses(SecuredServer server, @TempDir Path dir) throws Exception {
    BinScript.Result result =
        new BinScript(BinScript.repositoryRoot(), dir)
            .env("SPARKJDBC_BUILD", "never")
            .run("sql", args(server), null, TIMEOUT);

    assertThat(result.stdout() + result.stderr()).contains("state=28000").doesNotContain("'42'");
  }
}
