package dev.sparkjdbc.tck.harness.child;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set of this JVM, for the children's reports. Only Linux exposes it ({@code
 * VmHWM} in /proc/self/status); elsewhere (macOS, Windows) the JDK has no equivalent, so the report
 * says "unknown" and the test goes on: memory is printed, never asserted, from this value.
 */
final class PeakRss {
  private PeakRss() {}

  /** "123 MiB", or "unknown" where /proc/self/status is missing or has no VmHWM line. */
  static String describe() {
    Path status = Path.of("/proc/self/status");
    try {
      if (Files.isReadable(status)) {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            long kib = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
            return (kib >> 10) + " MiB";
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through: not a Linux /proc
    }
    return "unknown";
  }
}
