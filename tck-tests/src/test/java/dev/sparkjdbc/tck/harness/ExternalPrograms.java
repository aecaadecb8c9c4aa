package dev.sparkjdbc.tck.harness;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program Maven does not provide (nginx) skip where it is missing, so that {@code
 * mvn verify} passes on a fresh machine, and say how to install it. CI must not skip them silently:
 * {@code -Dsparkjdbc.tck.requireExternalPrograms=true} (or the environment variable {@code
 * SPARKJDBC_TCK_REQUIRE_EXTERNAL_PROGRAMS=true}), which .ci/run sets, turns the skip into a
 * failure.
 */
public final class ExternalPrograms {
  public static final String REQUIRE_PROPERTY = "sparkjdbc.tck.requireExternalPrograms";
  public static final String REQUIRE_ENV = "SPARKJDBC_TCK_REQUIRE_EXTERNAL_PROGRAMS";

  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private ExternalPrograms() {}

  /** True when a missing program must fail the test rather than skip it. */
  public static boolean required() {
    String value = System.getProperty(REQUIRE_PROPERTY, System.getenv(REQUIRE_ENV));
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /**
   * Ends the calling test because a program is missing: a skip (a JUnit assumption) with {@code
   * message}, or a failure when {@link #required()}. Never returns normally.
   */
  public static RuntimeException missing(String message) {
    if (required()) {
      throw new IllegalStateException(
          message + " (" + REQUIRE_PROPERTY + "=true: missing programs fail instead of skipping)");
    }
    // Surefire's console shows only a count of skipped tests: say why there too, once.
    if (WARNED.add(message)) {
      System.err.println("[sparkjdbc tck] SKIPPED: " + message);
    }
    Assumptions.abort(
        message
            + " (skipped; set "
            + REQUIRE_PROPERTY
            + "=true to make this a failure, as .ci/run does)");
    throw new AssertionError("unreachable");
  }
}
