package dev.sparkjdbc.tck.harness;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server process of one test class's own, for tests that kill, restart or configure a server (the
 * shared one serves every other test). Started before the class's first test on a free port,
 * stopped after its last; {@link #restart()} comes back on the same port, as an operator would
 * after a crash, so URLs and pooled connections made before still point at it.
 *
 * <pre>{@code @RegisterExtension static final OwnServer own = new OwnServer(List.of("--conf", …));}
 * </pre>
 */
public final class OwnServer implements BeforeAllCallback, AfterAllCallback {
  private final List<String> extraArgs;
  private SparkConnectServer server;
  private int port;

  /** A server started with {@code extraArgs} added to its command line, at every (re)start. */
  public OwnServer(List<String> extraArgs) {
    this.extraArgs = List.copyOf(extraArgs);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = SparkConnectServer.start(0, extraArgs);
    port = server.port();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The running server: a new object after each {@link #restart()}. */
  public SparkConnectServer server() {
    return server;
  }

  /** The port it listens on, the same across restarts. */
  public int port() {
    return port;
  }

  /** Stops the server (if a test has not killed it already) and starts it on the same port. */
  public void restart() {
    server.close();
    server = SparkConnectServer.start(port, extraArgs);
  }
}
