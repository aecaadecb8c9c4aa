package dev.sparkjdbc.tck.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The 22 TPC-H query texts (resources {@code tpch/q01.sql} …). Public because the bench module
 * times their translation and execution from this module's test jar.
 */
public final class TpchQueries {
  private TpchQueries() {}

  /** {@code q01} … {@code q22}, in order. */
  public static List<String> names() {
    return IntStream.rangeClosed(1, 22)
        .mapToObj(i -> String.format(Locale.ROOT, "q%02d", i))
        .toList();
  }

  /** The query text of {@code tpch/<name>.sql}, without a trailing semicolon. */
  public static String sql(String name) {
    String resource = "/tpch/" + name + ".sql";
    try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
