package dev.sparkjdbc.bench;

import dev.sparkjdbc.jdbc.SparkConnectStatementInfo;
import dev.sparkjdbc.plan.PreparedQuery;
import dev.sparkjdbc.plan.SqlToPlan;
import dev.sparkjdbc.plan.SqlTranslationException;
import dev.sparkjdbc.plan.TranslationConfig;
import dev.sparkjdbc.proto.Expression;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Re-executing one {@code PreparedStatement} with new values ({@code setLong}) against the baseline
 * of a plain {@code Statement.executeQuery} per execution with the values written into the SQL
 * text, reading every row.
 *
 * <p>What preparing saves in this driver: the statement is parsed once (Calcite) when it is
 * prepared, and each execution only re-translates the parsed tree with the new literals ({@code
 * PreparedQuery.bind}); a plain statement is parsed and translated on every execution. The server
 * analyses and runs the plan in both cases (Connect has no server-side prepared plan). So two
 * queries are measured: one the translator turns into a plan, and one Calcite cannot parse ({@code
 * FROM range(…)}), which goes as SQL text, with its values written in as literals when prepared. A
 * last pair of rows isolates the client's share: preparing's {@code bind} against a full {@code
 * translate}, without a server.
 */
final class PreparedBench {
  private static final int WARM_UP = 20;

  /** Prepared and plain alternate in blocks of this many, so neither gets a warmer server. */
  private static final int BLOCK = 50;

  /** Client-side only: a failed Calcite parse (the text query) costs milliseconds. */
  private static final int TRANSLATIONS = 2_000;

  /**
   * {@code {m}}: the multiplier, {@code {n}}: the bound, as {@code ?} or as literals; {@code
   * executions} per side (a multiple of {@link #BLOCK}).
   */
  private record Query(String name, String template, boolean translated, int executions) {
    String prepared() {
      return template.replace("{m}", "?").replace("{n}", "?");
    }

    String plain(long m, long n) {
      return template.replace("{m}", Long.toString(m)).replace("{n}", Long.toString(n));
    }
  }

  private static final List<Query> QUERIES =
      List.of(
          new Query(
              "translated query over VALUES",
              "SELECT id, id * {m} AS scaled FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), "
                  + "(8), (9)) AS t(id) WHERE id < {n}",
              true,
              300),
          new Query(
              // LATERAL VIEW is Spark-only syntax the translator leaves to Spark as text.
              "SQL-text query over range(10)",
              "SELECT id, id * {m} AS scaled FROM range(10) LATERAL VIEW explode(array(0)) v AS z"
                  + " WHERE id < {n}",
              false,
              100));

  // Fewer executions of the text query: it only shows that the text path gains the same way.

  private PreparedBench() {}

  /** Values of execution {@code i}: every execution differs; bound {@code n} gives n rows. */
  private static long multiplier(int i) {
    return i + 1;
  }

  private static long bound(int i) {
    return 8 + i % 3;
  }

  /** Rows: what, ours (prepared), baseline (plain), ours / baseline (below 1: prepared wins). */
  static List<String[]> run(String url) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      for (Query query : QUERIES) {
        long[] prepared = new long[query.executions()];
        long[] plain = new long[query.executions()];
        try (PreparedStatement ps = c.prepareStatement(query.prepared());
            Statement s = c.createStatement()) {
          for (int i = 0; i < WARM_UP; i++) {
            executePrepared(ps, i);
            executePlain(s, query, i);
          }
          requirePath(ps, query);
          requirePath(s, query);
          for (int from = 0; from < query.executions(); from += BLOCK) {
            for (int i = from; i < from + BLOCK; i++) {
              prepared[i] = executePrepared(ps, i);
            }
            for (int i = from; i < from + BLOCK; i++) {
              plain[i] = executePlain(s, query, i);
            }
          }
        }
        rows.add(row(query.name() + ", median per execution", median(prepared), median(plain)));
        rows.add(
            row(
                query.name() + ", mean per execution (" + query.executions() + " executions)",
                mean(prepared),
                mean(plain)));
      }
    }
    for (Query query : QUERIES) {
      rows.add(translationOnly(query));
    }
    return rows;
  }

  /** Nanoseconds of one execution, reading every row. */
  private static long executePrepared(PreparedStatement ps, int i) throws SQLException {
    long start = System.nanoTime();
    ps.setLong(1, multiplier(i));
    ps.setLong(2, bound(i));
    try (ResultSet rs = ps.executeQuery()) {
      read(rs, i);
    }
    return System.nanoTime() - start;
  }

  private static long executePlain(Statement s, Query query, int i) throws SQLException {
    long start = System.nanoTime();
    try (ResultSet rs = s.executeQuery(query.plain(multiplier(i), bound(i)))) {
      read(rs, i);
    }
    return System.nanoTime() - start;
  }

  /** Reads and checks the rows, so that a wrong binding cannot pass for a fast one. */
  private static void read(ResultSet rs, int i) throws SQLException {
    long rows = 0;
    while (rs.next()) {
      long id = rs.getLong(1);
      if (rs.getLong(2) != id * multiplier(i)) {
        throw new IllegalStateException("wrong value in row " + id + " of execution " + i);
      }
      rows++;
    }
    if (rows != bound(i)) {
      throw new IllegalStateException(rows + " rows in execution " + i + ", expected " + bound(i));
    }
  }

  /** The comparison is only about what it claims if the query took the path it is named for. */
  private static void requirePath(Statement s, Query query) throws SQLException {
    SparkConnectStatementInfo info = s.unwrap(SparkConnectStatementInfo.class);
    if (info.lastStatementTranslated() != query.translated()) {
      throw new IllegalStateException(
          query.name()
              + " was "
              + (query.translated()
                  ? "not translated: " + info.lastFallbackReason().orElse("")
                  : "translated"));
    }
  }

  /**
   * The client's own work per execution, no server: {@code PreparedQuery.bind} of a statement
   * prepared once against {@code SqlToPlan.translate} of the text with literals.
   */
  private static String[] translationOnly(Query query) throws SQLException {
    SqlToPlan translator = new SqlToPlan(TranslationConfig.DEFAULT);
    long[] bind = new long[TRANSLATIONS];
    long[] translate = new long[TRANSLATIONS];
    try {
      PreparedQuery prepared = translator.prepare(query.prepared());
      // Twice: the first pass warms the JIT, the second is measured.
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < TRANSLATIONS; i++) {
          List<Expression> values = List.of(longLiteral(multiplier(i)), longLiteral(bound(i)));
          long start = System.nanoTime();
          prepared.bind(values);
          bind[i] = System.nanoTime() - start;
          String sql = query.plain(multiplier(i), bound(i));
          start = System.nanoTime();
          translator.translate(sql);
          translate[i] = System.nanoTime() - start;
        }
      }
    } catch (SqlTranslationException e) {
      throw new SQLException(e);
    }
    return row(
        query.name() + ", client-side translation only (bind vs translate), median",
        median(bind),
        median(translate));
  }

  private static Expression longLiteral(long value) {
    return Expression.newBuilder()
        .setLiteral(Expression.Literal.newBuilder().setLong(value))
        .build();
  }

  private static String[] row(String what, double oursNanos, double baselineNanos) {
    return new String[] {
      what,
      micros(oursNanos),
      micros(baselineNanos),
      String.format(Locale.ROOT, "%.2f", oursNanos / baselineNanos)
    };
  }

  private static String micros(double nanos) {
    double micros = nanos / 1e3;
    return String.format(Locale.ROOT, micros < 100 ? "%.1f µs" : "%.0f µs", micros);
  }

  private static double median(long[] nanos) {
    return Bench.median(Arrays.stream(nanos).asDoubleStream().toArray());
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElseThrow();
  }
}
