package dev.sparkjdbc.tck.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for one corpus's summary line: {@code <corpus>: translated T/N; fallback reasons: <reason>
 * ×k, …; never-worse failures: F}. Reasons lose their positions ({@code at line 1, column 20}) so
 * that the same cause counts once; the most frequent come first.
 */
final class CorpusSummary {
  private final String corpus;
  private int cases;
  private int translated;
  private int failures;
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
  }

  synchronized int cases() {
    return cases;
  }

  static String normalise(String reason) {
    if (reason == null) {
      return "(none given)";
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
