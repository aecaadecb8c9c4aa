package dev.sparkjdbc.plan;

import java.util.List;
import java.util.stream.Collectors;

/** Identifiers as Catalyst re-parses them: every part back-quoted, inner back-quotes doubled. */
final class Names {
  private Names() {}

  static String quote(String part) {
    return "`" + part.replace("`", "``") + "`";
  }

  static String quoted(List<String> parts) {
    return parts.stream().map(Names::quote).collect(Collectors.joining("."));
  }
}
