package dev.sparkjdbc.tck.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts for one corpus's summary line: {@code <corpus>: translated T/N; fallback reasons: <reason>
 * ×k, …; never-worse failures: F}. Reasons lose their positions ({@code at line 1, column 20}) so
 * that the same cause counts once, and a plan the server rejected (which the driver then resent as
 * text) counts by the server's error class; the most frequent come first.
 */
final class CorpusSummary {
  private static final Pattern REJECTED =
      Pattern.compile("(the server rejected the translated plan)(?:: \\[([A-Z0-9_]+))?");

  private final String corpus;
  private int cases;
  private int translated;
  private int failures;
  private long textMillis;
  private long defaultMillis;
  private final Map<String, Integer> reasons = new HashMap<>();

  CorpusSummary(String corpus) {
    this.corpus = corpus;
  }

  synchronized void add(String caseId, NeverWorse.Verdict verdict) {
    cases++;
    if (verdict.byDefault().translated()) {
      translated++;
    } else {
      reasons.merge(normalise(verdict.byDefault().fallbackReason()), 1, Integer::sum);
    }
    if (verdict.kind().breaksRule()) {
      failures++;
    }
    textMillis += millis(verdict.asText());
    defaultMillis += millis(verdict.byDefault());
  }

  private static long millis(PathRun run) {
    return run.result() == null ? 0 : run.result().millis();
  }

  /** Time spent in the statements that answered, per path: {@code text 12.3 s, default 11.0 s}. */
  synchronized String times() {
    return String.format(
        Locale.ROOT,
        "answers took %.1f s as text, %.1f s by default",
        textMillis / 1000.0,
        defaultMillis / 1000.0);
  }

  synchronized int cases() {
    return cases;
  }

  static String normalise(String reason) {
    if (reason == null) {
      return "(none given)";
    }
    Matcher rejected = REJECTED.matcher(reason);
    if (rejected.lookingAt()) {
      // the driver's retry as text: the server's error class is the cause, not its message
      return rejected.group(1) + (rejected.group(2) == null ? "" : " [" + rejected.group(2) + "]");
    }
    return reason
        .replaceAll("\\s+at line \\d+, column \\d+\\.?", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  synchronized String line() {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(reasons.entrySet());
    sorted.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    StringBuilder text = new StringBuilder();
    text.append(corpus)
        .append(": translated ")
        .append(translated)
        .append('/')
        .append(cases)
        .append("; fallback reasons: ");
    if (sorted.isEmpty()) {
      text.append("none");
    }
    for (int i = 0; i < sorted.size(); i++) {
      text.append(i == 0 ? "" : ", ")
          .append(sorted.get(i).getKey())
          .append(" ×")
          .append(sorted.get(i).getValue());
    }
    return text.append("; never-worse failures: ").append(failures).toString();
  }
}
