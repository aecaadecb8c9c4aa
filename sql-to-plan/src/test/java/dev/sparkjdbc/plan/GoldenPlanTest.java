package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus: every {@code golden/<group>/<name>.sql} is translated with the default
 * configuration and compared with its expected outcome beside it, {@code <name>.plan} (the relation
 * in protobuf text format) or {@code <name>.fallback} (the reason it goes to Spark as text). Run
 * with {@code -Dgolden.regenerate=true} to rewrite the expected files from what the translator
 * produces now, then review the diff with git.
 */
class GoldenPlanTest {
  static final String REGENERATE_PROPERTY = "golden.regenerate";
  private static final boolean REGENERATE = Boolean.getBoolean(REGENERATE_PROPERTY);
  private static final SqlToPlan TRANSLATOR = new SqlToPlan(TranslationConfig.DEFAULT);

  /** Per group: {statements, translated, fallen back}. */
  private static final Map<String, int[]> COUNTS = new TreeMap<>();

  /** The golden folder in the source tree (not target/), so regeneration edits the sources. */
  static Path goldenDir() {
    String basedir = System.getProperty("basedir");
    String userDir = System.getProperty("user.dir");
    List<Path> candidates =
        Stream.of(
                basedir == null ? null : Paths.get(basedir),
                Paths.get(userDir),
                Paths.get(userDir, "sql-to-plan"))
            .filter(p -> p != null)
            .map(p -> p.resolve("src/test/resources/golden"))
            .toList();
    return candidates.stream()
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("golden corpus not found; tried " + candidates));
  }

  /** Every golden statement, sorted, as paths relative to the golden folder. */
  static List<Path> statements() {
    Path dir = goldenDir();
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".sql"))
          .map(dir::relativize)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> cases() {
    return statements().stream().map(p -> p.toString().replace('\\', '/'));
  }

  @Test
  void corpusIsLargeAndWellFormed() throws IOException {
    Path dir = goldenDir();
    List<Path> sql = statements();
    assertThat(sql).as("golden statements").hasSizeGreaterThanOrEqualTo(200);
    if (REGENERATE) {
      return;
    }
    // No orphans: an expected file without its statement is a leftover from a rename.
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> orphans =
          files
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".plan") || name.endsWith(".fallback");
                  })
              .filter(p -> !Files.exists(withExtension(p, ".sql")))
              .map(p -> dir.relativize(p).toString())
              .toList();
      assertThat(orphans).as("expected files without a .sql").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden(String relative) throws SqlTranslationException {
    Path sqlFile = goldenDir().resolve(relative);
    String sql = read(sqlFile);
    Path planFile = withExtension(sqlFile, ".plan");
    Path fallbackFile = withExtension(sqlFile, ".fallback");

    Translation t = TRANSLATOR.translate(sql);
    String actual = t.isTranslated() ? plan(t) : t.fallbackReason().orElseThrow() + "\n";
    count(relative, t.isTranslated());

    if (REGENERATE) {
      write(t.isTranslated() ? planFile : fallbackFile, actual);
      delete(t.isTranslated() ? fallbackFile : planFile);
      return;
    }

    boolean hasPlan = Files.exists(planFile);
    boolean hasFallback = Files.exists(fallbackFile);
    if (hasPlan && hasFallback) {
      fail("both %s and %s exist; keep one", planFile.getFileName(), fallbackFile.getFileName());
    }
    if (!hasPlan && !hasFallback) {
      fail(
          "no expected file for %s: write %s or %s (or run with -D%s=true)",
          relative, planFile.getFileName(), fallbackFile.getFileName(), REGENERATE_PROPERTY);
    }
    if (hasPlan) {
      assertThat(t.isTranslated())
          .as("%s should translate, but fell back: %s", relative, t.fallbackReason().orElse(""))
          .isTrue();
      assertThat(normalise(actual)).as(relative).isEqualTo(normalise(read(planFile)));
    } else {
      assertThat(t.isTranslated())
          .as("%s should fall back, but translated to:%n%s", relative, actual)
          .isFalse();
      assertThat(normalise(actual)).as(relative).isEqualTo(normalise(read(fallbackFile)));
    }
  }

  /**
   * The relation in protobuf text format; an {@code EXPLAIN} first names its mode in a comment
   * line, which text format parsers skip.
   */
  static String plan(Translation t) {
    String relation = TextFormat.printer().printToString(t.relation().orElseThrow());
    return t.explainMode()
        .map(mode -> "# explain_mode: " + mode + "\n" + relation)
        .orElse(relation);
  }

  @AfterAll
  static void printCoverage() {
    int[] total = new int[3];
    synchronized (COUNTS) {
      for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
        int[] c = e.getValue();
        System.out.println(summary("golden corpus [" + e.getKey() + "]", c));
        for (int i = 0; i < 3; i++) {
          total[i] += c[i];
        }
      }
    }
    System.out.println(summary("golden corpus", total));
    if (REGENERATE) {
      System.out.println(
          "golden corpus: expected files rewritten under "
              + goldenDir()
              + "; review them with git diff");
    }
  }

  private static String summary(String label, int[] c) {
    return label + ": " + c[0] + " statements, " + c[1] + " translated, " + c[2] + " fallen back";
  }

  private static void count(String relative, boolean translated) {
    int slash = relative.indexOf('/');
    String group = slash < 0 ? "(top)" : relative.substring(0, slash);
    synchronized (COUNTS) {
      int[] c = COUNTS.computeIfAbsent(group, g -> new int[3]);
      c[0]++;
      c[translated ? 1 : 2]++;
    }
  }

  private static String normalise(String text) {
    return text.replace("\r\n", "\n").stripTrailing();
  }

  private static Path withExtension(Path file, String extension) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling(name.substring(0, dot) + extension);
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
