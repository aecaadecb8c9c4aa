package dev.sparkjdbc.bench;

import java.util.concurrent.TimeUnit;

/** Ending the benchmark's child processes (the server, Spark's client) after asking them to. */
final class ChildProcesses {
  private ChildProcesses() {}

  /** Waits up to 30 s for a process asked to stop, then kills it. */
  static void awaitExit(Process process) {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
