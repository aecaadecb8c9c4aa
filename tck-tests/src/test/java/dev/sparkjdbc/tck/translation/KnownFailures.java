package dev.sparkjdbc.tck.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The committed list of corpus cases that break the never-worse rule today (resource {@value
 * #RESOURCE}): one line per case, tab-separated: corpus, case id, kind of failure ({@link
 * NeverWorse.Kind#label}) and a minimal repro. A listed case that fails the listed way passes, so
 * that CI stays green while the translator catches up; a listed case that stops failing fails, so
 * that the list only shrinks. Lines starting with {@code #} are comments.
 */
final class KnownFailures {
  static final String RESOURCE = "/corpora/known-failures.tsv";

  record Entry(String corpus, String caseId, NeverWorse.Kind kind, String repro) {}

  private static Map<String, Entry> entries;

  private KnownFailures() {}

  static synchronized Entry lookup(String corpus, String caseId) {
    if (entries == null) {
      entries = load();
    }
    return entries.get(corpus + "\t" + caseId);
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> map = new HashMap<>();
    try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int lineNumber = 0;
      for (String line : text.split("\n", -1)) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", 4);
        if (fields.length < 3) {
          throw new IllegalStateException(
              RESOURCE + " line " + lineNumber + ": want corpus, case, kind, repro: " + line);
        }
        Entry entry =
            new Entry(
                fields[0],
                fields[1],
                NeverWorse.Kind.ofLabel(fields[2]),
                fields.length > 3 ? fields[3] : "");
        if (map.put(fields[0] + "\t" + fields[1], entry) != null) {
          throw new IllegalStateException(
              RESOURCE + " line " + lineNumber + ": case listed twice: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }
}
