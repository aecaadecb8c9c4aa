package dev.sparkjdbc.tck.appservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The jboss-cli commands that docs/tools.md shows for WildFly: the fenced block after the marker
 * comment, read from the page itself so that the test runs what users copy, not a second copy that
 * could drift.
 */
final class WildFlyRecipe {
  private static final String MARKER = "<!-- WildFlyTest reads and runs the next block";
  private static final String FENCE = "```";

  private final Path source;
  private final String text;

  private WildFlyRecipe(Path source, String text) {
    this.source = source;
    this.text = text;
  }

  static WildFlyRecipe read(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page, e);
    }
    int marker = indexOf(lines, 0, MARKER, page);
    int open = indexOf(lines, marker + 1, FENCE, page);
    int close = indexOf(lines, open + 1, FENCE, page);
    return new WildFlyRecipe(page, String.join("\n", lines.subList(open + 1, close)));
  }

  /** Replaces a placeholder, which must be there: a page edited away from it fails the test. */
  WildFlyRecipe with(String placeholder, String value) {
    return new WildFlyRecipe(source, expect(placeholder).text.replace(placeholder, value));
  }

  /** Fails unless the commands contain {@code part}, a setting the test relies on. */
  WildFlyRecipe expect(String part) {
    if (!text.contains(part)) {
      throw new AssertionError(
          "the WildFly CLI block of " + source + " no longer contains " + part + ":\n" + text);
    }
    return this;
  }

  List<String> lines() {
    return List.of(text.split("\n"));
  }

  private static int indexOf(List<String> lines, int from, String prefix, Path page) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(page + " has no line starting with " + prefix + " after line " + from);
  }
}
