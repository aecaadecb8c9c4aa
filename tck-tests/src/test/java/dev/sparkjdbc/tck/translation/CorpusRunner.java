package dev.sparkjdbc.tck.translation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a corpus of statements under the never-worse rule ({@link NeverWorse}): each statement on a
 * connection with the driver's default properties and on one with {@code translation_mode=text},
 * both in the same schema; a break of the rule fails the case unless {@link KnownFailures} lists it
 * with the same kind, and a listed case that keeps the rule fails too. {@link #close} prints the
 * corpus's summary line ({@link CorpusSummary}).
 *
 * <p>Every break of the rule, listed or not, is also appended to {@code
 * target/corpora/<corpus>-failures.tsv} in the list's format, to review and copy from.
 */
final class CorpusRunner implements AutoCloseable {
  /** How the driver's fallback reason starts when it resent a rejected translated plan as text. */
  static final String REJECTED = "the server rejected the translated plan";

  private final String corpus;
  private final Connection byDefault;
  private final Connection asText;
  private final ExecutorService textSide;
  private final CorpusSummary summary;
  private final long started = System.nanoTime();
  private final long setupMillis;

  /**
   * @param parallel run the text side on its own thread at the same time (read-only corpora only)
   * @param setupMillis the time the corpus took to build its tables, for the wall-time line
   */
  CorpusRunner(String corpus, String serverUrl, String schema, boolean parallel, long setupMillis)
      throws SQLException {
    this.corpus = corpus;
    this.byDefault = connect(serverUrl, schema, false);
    this.asText = connect(serverUrl, schema, true);
    this.textSide =
        parallel
            ? Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, corpus + "-text-side");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    this.summary = new CorpusSummary(corpus);
    this.setupMillis = setupMillis;
    try {
      Files.deleteIfExists(failureLog());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path failureLog() {
    String workDir = System.getProperty("sparkjdbc.tck.workDir", "target");
    return Path.of(workDir, "corpora", corpus + "-failures.tsv");
  }

  /** A connection like the runner's: the default path, or the text path. */
  static Connection connect(String serverUrl, String schema, boolean text) throws SQLException {
    Connection c =
        text
            ? DriverManager.getConnection(serverUrl + "/;translation_mode=text")
            : DriverManager.getConnection(serverUrl);
    if (schema != null) {
      c.setSchema(schema);
    }
    return c;
  }

  String corpus() {
    return corpus;
  }

  /** Runs a session setting (a {@code SET}) on both of the runner's sessions alike. */
  void onBothSessions(String sql) throws SQLException {
    for (Connection c : List.of(byDefault, asText)) {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }
  }

  /** Checks one case on the runner's two connections. */
  void check(String caseId, String sql) {
    PathRun text;
    PathRun viaDefault;
    if (textSide != null) {
      CompletableFuture<PathRun> pending =
          CompletableFuture.supplyAsync(() -> PathRun.run(asText, sql), textSide);
      viaDefault = PathRun.run(byDefault, sql);
      text = pending.join();
    } else {
      text = PathRun.run(asText, sql);
      viaDefault = PathRun.run(byDefault, sql);
    }
    record(caseId, sql, NeverWorse.judge(sql, viaDefault, text));
  }

  /** Checks one case on connections of the caller's (a statement that changes what it runs in). */
  void check(String caseId, String sql, Connection defaultSide, Connection textSide) {
    PathRun text = PathRun.run(textSide, sql);
    PathRun viaDefault = PathRun.run(defaultSide, sql);
    record(caseId, sql, NeverWorse.judge(sql, viaDefault, text));
  }

  private void record(String caseId, String sql, NeverWorse.Verdict verdict) {
    summary.add(caseId, verdict);
    KnownFailures.Entry known = KnownFailures.lookup(corpus, caseId);
    String path =
        verdict.byDefault().translated()
            ? "translated"
            : "as text (" + verdict.byDefault().fallbackReason() + ")";
    String reason = verdict.byDefault().fallbackReason();
    if (reason != null && reason.startsWith(REJECTED)) {
      // The driver hid a translation the server refused by resending the text: the answer keeps
      // the rule, but the translation is wrong, so it is shown (not failed).
      boolean textAnswers = !verdict.asText().failed();
      System.out.printf(
          Locale.ROOT,
          "%s %s: %s%s%n",
          corpus,
          caseId,
          textAnswers ? "(the text answers) " : "",
          reason);
    }
    if (verdict.kind().breaksRule()) {
      logFailure(caseId, sql, verdict);
      if (known != null && known.kind() == verdict.kind()) {
        System.out.printf(
            Locale.ROOT, "%s %s: known failure (%s)%n", corpus, caseId, verdict.kind().label);
        return;
      }
      throw new AssertionError(
          String.format(
              Locale.ROOT,
              "%s %s breaks the never-worse rule: %s%s%n  default path: %s%n  detail: %s%n  sql:"
                  + " %s",
              corpus,
              caseId,
              verdict.kind().label,
              known == null
                  ? ""
                  : " (listed in " + KnownFailures.RESOURCE + " as " + known.kind().label + ")",
              path,
              verdict.detail(),
              sql));
    }
    if (known != null) {
      throw new AssertionError(
          String.format(
              Locale.ROOT,
              "%s %s now keeps the never-worse rule (%s, default path %s): remove its line from %s",
              corpus,
              caseId,
              verdict.kind(),
              path,
              KnownFailures.RESOURCE));
    }
  }

  private void logFailure(String caseId, String sql, NeverWorse.Verdict verdict) {
    Path file = failureLog();
    String oneLine = sql.replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ").strip();
    if (oneLine.length() > 400) {
      oneLine = oneLine.substring(0, 400) + "…";
    }
    String detail = String.valueOf(verdict.detail()).replaceAll("\\s+", " ");
    if (detail.length() > 300) {
      detail = detail.substring(0, 300) + "…";
    }
    String line =
        String.join(
                "\t",
                corpus,
                caseId,
                verdict.kind().label,
                oneLine
                    + "  -- "
                    + (verdict.byDefault().translated() ? "translated" : "as text")
                    + "; "
                    + detail)
            + "\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the summary line and the wall time, then closes both connections. */
  @Override
  public void close() throws SQLException {
    if (textSide != null) {
      textSide.shutdownNow();
    }
    System.out.println(summary.line());
    System.out.printf(
        Locale.ROOT,
        "%s: wall time %.1f s (tables %.1f s, %d cases %.1f s; %s)%n",
        corpus,
        (setupMillis + (System.nanoTime() - started) / 1e6) / 1000,
        setupMillis / 1000.0,
        summary.cases(),
        (System.nanoTime() - started) / 1e9,
        summary.times());
    try (Connection a = byDefault;
        Connection b = asText) {
      // closes both
    }
  }
}
