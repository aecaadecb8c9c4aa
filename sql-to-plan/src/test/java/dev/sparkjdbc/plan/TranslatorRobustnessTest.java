package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever text arrives, {@link SqlToPlan} answers with a translation or a fallback, or in strict
 * mode with a {@link SqlTranslationException}: never another exception, never a {@link
 * StackOverflowError} in the caller's thread, never a hang. Inputs are the golden corpus cut and
 * mutated, random bytes, very large and very deep statements, broken quoting and invalid UTF-16.
 * Every random input comes from a fixed seed, so a failure replays.
 */
class TranslatorRobustnessTest {
  private static final SqlToPlan TRANSLATE = new SqlToPlan(TranslationConfig.DEFAULT);
  private static final SqlToPlan STRICT =
      new SqlToPlan(TranslationConfig.DEFAULT.withMode(TranslationConfig.Mode.STRICT));
  private static final long SEED = 0x5EED_2026L;
  private static final int MEGABYTE = 1 << 20;
  private static final int DEEP = 5_000;

  /** Per batch of inputs; generous, it only has to tell a hang from a slow machine. */
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private static final int TRUNCATE_EVERY = 16;
  private static final int RANDOM_CUTS = 1;

  // ---------------------------------------------------------------------------------------
  // The golden corpus, cut and mutated

  /**
   * Every prefix of every {@value #TRUNCATE_EVERY}th golden statement (all groups are represented),
   * and for all the others the prefix and suffix at {@value #RANDOM_CUTS} seeded random cut(s): a
   * failed parse costs Calcite one to several milliseconds, so every prefix of every statement in
   * both modes would take minutes.
   */
  @Test
  void truncatedGoldenStatements() {
    List<String> corpus = goldenStatements();
    Random random = new Random(SEED);
    check(
        LIMIT,
        c -> {
          for (int i = 0; i < corpus.size(); i++) {
            String sql = corpus.get(i);
            if (i % TRUNCATE_EVERY == 0) {
              for (int end = 0; end <= sql.length(); end++) {
                c.check(sql.substring(0, end));
              }
            } else {
              for (int k = 0; k < RANDOM_CUTS; k++) {
                int from = random.nextInt(sql.length() + 1);
                c.check(sql.substring(0, from));
                c.check(sql.substring(from));
              }
            }
          }
        });
  }

  @Test
  void mutatedGoldenStatements() {
    List<String> corpus = goldenStatements();
    Random random = new Random(SEED);
    check(
        LIMIT,
        c -> {
          for (int i = 0; i < 2_000; i++) {
            StringBuilder sql = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
              mutate(sql, random);
            }
            c.check(sql.toString());
          }
        });
  }

  @Test
  void goldenStatementsSplicedTogether() {
    List<String> corpus = goldenStatements();
    Random random = new Random(SEED + 1);
    check(
        LIMIT,
        c -> {
          for (int i = 0; i < 300; i++) {
            String a = corpus.get(random.nextInt(corpus.size()));
            String b = corpus.get(random.nextInt(corpus.size()));
            c.check(
                a.substring(0, random.nextInt(a.length() + 1))
                    + b.substring(random.nextInt(b.length() + 1)));
          }
        });
  }

  // ---------------------------------------------------------------------------------------
  // Random input

  @Test
  void randomBytesDecodedAsUtf8AndLatin1() {
    Random random = new Random(SEED + 2);
    check(
        LIMIT,
        c -> {
          for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            c.check(new String(bytes, StandardCharsets.UTF_8));
            c.check(new String(bytes, StandardCharsets.ISO_8859_1));
            // The same noise behind a query prefix reaches further than the first token.
            c.check("SELECT " + new String(bytes, StandardCharsets.ISO_8859_1));
          }
        });
  }

  /** Random sequences of SQL tokens get past the lexer and into the parser and translators. */
  @Test
  void randomTokenSoup() {
    String[] tokens = {
      "SELECT",
      "FROM",
      "WHERE",
      "GROUP",
      "BY",
      "HAVING",
      "ORDER",
      "LIMIT",
      "OFFSET",
      "FETCH",
      "FIRST",
      "ROWS",
      "ONLY",
      "UNION",
      "ALL",
      "INTERSECT",
      "EXCEPT",
      "MINUS",
      "DISTINCT",
      "WITH",
      "RECURSIVE",
      "AS",
      "JOIN",
      "LEFT",
      "RIGHT",
      "FULL",
      "OUTER",
      "CROSS",
      "NATURAL",
      "ON",
      "USING",
      "AND",
      "OR",
      "NOT",
      "IN",
      "EXISTS",
      "BETWEEN",
      "LIKE",
      "ILIKE",
      "ESCAPE",
      "IS",
      "NULL",
      "TRUE",
      "FALSE",
      "UNKNOWN",
      "DISTINCT",
      "FROM",
      "CASE",
      "WHEN",
      "THEN",
      "ELSE",
      "END",
      "CAST",
      "TRY_CAST",
      "INTERVAL",
      "DAY",
      "YEAR",
      "TO",
      "MONTH",
      "SECOND",
      "DATE",
      "TIME",
      "TIMESTAMP",
      "OVER",
      "PARTITION",
      "WINDOW",
      "RANGE",
      "PRECEDING",
      "FOLLOWING",
      "UNBOUNDED",
      "CURRENT",
      "ROW",
      "ROLLUP",
      "CUBE",
      "GROUPING",
      "SETS",
      "VALUES",
      "FILTER",
      "ANY",
      "SOME",
      "QUALIFY",
      "LATERAL",
      "UNNEST",
      "ARRAY",
      "MAP",
      "INT",
      "DECIMAL",
      "VARCHAR",
      "(",
      ")",
      "(",
      ")",
      ",",
      ",",
      ".",
      "*",
      "+",
      "-",
      "/",
      "%",
      "||",
      "=",
      "<>",
      "!=",
      "<",
      "<=",
      ">",
      ">=",
      "<=>",
      "::",
      "->",
      "[",
      "]",
      "{",
      "}",
      "{fn",
      "{d",
      "{ts",
      "{t",
      "{oj",
      "{escape",
      ";",
      "?",
      "'x'",
      "''",
      "'it''s'",
      "\"s\"",
      "`q`",
      "`a``b`",
      "0",
      "1",
      "2147483648",
      "1.5",
      "1e3",
      "X'AB'",
      "a",
      "b",
      "t",
      "u",
      "t.a",
      "count",
      "sum",
      "max",
      "row_number",
      "upper",
      "substring",
      "trim",
      "extract",
      "/* c */",
      "-- c\n",
      "\n",
    };
    Random random = new Random(SEED + 3);
    check(
        LIMIT,
        c -> {
          for (int i = 0; i < 500; i++) {
            StringBuilder sql = new StringBuilder(random.nextInt(4) == 0 ? "" : "SELECT ");
            int n = 1 + random.nextInt(25);
            for (int k = 0; k < n; k++) {
              sql.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            c.check(sql.toString());
          }
        });
  }

  // ---------------------------------------------------------------------------------------
  // Size and depth

  static Stream<Arguments> megabyteStatements() {
    return Stream.of(
        Arguments.of("IN list", "SELECT a FROM t WHERE a IN (" + "1, ".repeat(MEGABYTE / 3) + "1)"),
        Arguments.of("string literal", "SELECT '" + "x".repeat(MEGABYTE) + "'"),
        Arguments.of(
            "string literal of doubled quotes", "SELECT '" + "''".repeat(MEGABYTE / 2) + "'"),
        Arguments.of("back-quoted identifier", "SELECT `" + "c".repeat(MEGABYTE) + "` FROM t"),
        Arguments.of("trailing block comment", "SELECT 1 /*" + "*".repeat(MEGABYTE) + "*/"),
        Arguments.of("unterminated string", "SELECT '" + "x".repeat(MEGABYTE)),
        Arguments.of("trailing semicolons", "SELECT 1" + ";".repeat(MEGABYTE)),
        Arguments.of("braces", "SELECT " + "{".repeat(MEGABYTE / 2) + "}".repeat(MEGABYTE / 2)),
        Arguments.of(
            "JDBC escapes",
            "SELECT " + "{fn UCASE(".repeat(MEGABYTE / 10) + "a" + ")}".repeat(MEGABYTE / 10)));
  }

  @ParameterizedTest(name = "1 MB {0}")
  @MethodSource("megabyteStatements")
  void oneMegabyteStatement(String name, String sql) {
    check(LIMIT, c -> c.check(sql));
  }

  static Stream<Arguments> deepStatements() {
    return Stream.of(
        Arguments.of("parentheses", "SELECT " + "(".repeat(DEEP) + "1" + ")".repeat(DEEP)),
        Arguments.of("right-nested sum", "SELECT " + "1+(".repeat(DEEP) + "1" + ")".repeat(DEEP)),
        Arguments.of("left-deep sum", "SELECT 1" + "+1".repeat(DEEP)),
        Arguments.of("NOT", "SELECT " + "NOT ".repeat(DEEP) + "TRUE"),
        Arguments.of("unary minus", "SELECT " + "- ".repeat(DEEP) + "1"),
        Arguments.of("function calls", "SELECT " + "abs(".repeat(DEEP) + "1" + ")".repeat(DEEP)),
        Arguments.of(
            "JDBC escape functions",
            "SELECT " + "{fn UCASE(".repeat(DEEP) + "a" + ")}".repeat(DEEP)),
        Arguments.of(
            "CASE", "SELECT " + "CASE WHEN a THEN ".repeat(DEEP) + "1" + " END".repeat(DEEP)),
        Arguments.of("AND chain", "SELECT a FROM t WHERE a" + " AND a".repeat(DEEP)),
        Arguments.of("array subscripts", "SELECT a" + "[1]".repeat(DEEP) + " FROM t"),
        Arguments.of(
            "derived tables",
            "SELECT * FROM " + "(SELECT * FROM ".repeat(DEEP) + "t" + ") x".repeat(DEEP)),
        Arguments.of(
            "scalar subqueries", "SELECT " + "(SELECT ".repeat(DEEP) + "1" + ")".repeat(DEEP)),
        Arguments.of(
            "IN subqueries",
            "SELECT a FROM t WHERE a IN (".repeat(DEEP) + "SELECT a FROM t" + ")".repeat(DEEP)),
        Arguments.of("set operations", "SELECT 1" + " UNION ALL SELECT 1".repeat(DEEP)),
        Arguments.of(
            "CTEs referencing the previous one",
            "WITH c0 AS (SELECT 1 AS a)" + cteChain(DEEP) + " SELECT a FROM c" + DEEP),
        Arguments.of("joins", "SELECT * FROM t0" + joinChain(DEEP)),
        Arguments.of("unbalanced parentheses", "SELECT " + "(".repeat(DEEP) + "1"),
        Arguments.of("closing parentheses", "SELECT 1" + ")".repeat(DEEP)));
  }

  @ParameterizedTest(name = "{0} nested " + DEEP + " deep")
  @MethodSource("deepStatements")
  void deeplyNestedStatement(String name, String sql) {
    check(LIMIT, c -> c.check(sql));
  }

  // ---------------------------------------------------------------------------------------
  // Broken quoting and encoding

  @Test
  void unbalancedQuotesBracesAndComments() {
    List<String> inputs =
        List.of(
            "'",
            "\"",
            "`",
            "''",
            "'''",
            "``",
            "```",
            "{",
            "}",
            "{}",
            "{{",
            "}}",
            "(",
            ")",
            "[",
            "]",
            "/*",
            "*/",
            "/*/",
            "--",
            "-- x",
            ";",
            ";;;",
            "?",
            "??",
            "\\",
            "\\'",
            "'\\",
            "SELECT 'abc",
            "SELECT \"abc",
            "SELECT `abc",
            "SELECT 'it''s",
            "SELECT 'a\\'b'",
            "SELECT `a``",
            "SELECT a FROM `t",
            "SELECT a FROM t WHERE s = 'x",
            "SELECT 1 /* never closed",
            "SELECT 1 /* nested /* comment */ */",
            "SELECT 1 -- no end",
            "SELECT 1 */",
            "SELECT /*+ hint",
            "SELECT {",
            "SELECT }",
            "SELECT {fn",
            "SELECT {fn}",
            "SELECT {fn UCASE(a)",
            "SELECT {fn UCASE(a}",
            "SELECT {fn UCASE(a))}",
            "SELECT {d}",
            "SELECT {d '2024-01-01'",
            "SELECT {d 'not a date'}",
            "SELECT {ts '2024-02-30 25:61:61'}",
            "SELECT {t 'x'}",
            "SELECT * FROM {oj",
            "SELECT * FROM {oj a LEFT OUTER JOIN b ON a.x = b.x",
            "SELECT * FROM {oj}",
            "SELECT * FROM a {oj}",
            "SELECT a FROM t WHERE a LIKE 'x' {escape",
            "SELECT a FROM t WHERE a LIKE 'x' {escape '\\'}",
            "SELECT a FROM t WHERE a LIKE 'x' {escape}",
            "{escape '",
            "{oj {oj {oj",
            "}}}} SELECT 1",
            "SELECT ((1",
            "SELECT 1))",
            "SELECT (1]",
            "SELECT a[",
            "SELECT a[1",
            "SELECT m['k",
            "SELECT CASE",
            "SELECT CASE WHEN",
            "SELECT CASE WHEN a THEN 1",
            "SELECT CAST(",
            "SELECT CAST(a AS",
            "SELECT CAST(a AS DECIMAL(",
            "SELECT INTERVAL '",
            "SELECT INTERVAL '1",
            "SELECT INTERVAL '1-' YEAR TO MONTH",
            "SELECT INTERVAL '1 2:3:' DAY TO SECOND",
            "SELECT INTERVAL ':::' HOUR TO SECOND",
            "SELECT X'A'",
            "SELECT X'ZZ'",
            "SELECT X'",
            "SELECT DATE ''",
            "SELECT TIMESTAMP 'x'",
            "WITH",
            "WITH c AS (",
            "WITH c AS (SELECT 1)",
            "WITH c AS (SELECT 1) SELECT",
            "SELECT * FROM t WHERE a IN (",
            "SELECT * FROM t WHERE a IN ()",
            "SELECT a FROM t ORDER BY",
            "SELECT a FROM t GROUP BY ROLLUP(",
            "SELECT a FROM t LIMIT",
            "SELECT a FROM t LIMIT -1",
            "SELECT a FROM t LIMIT 99999999999999999999",
            "SELECT a FROM t OFFSET -5 ROWS",
            "SELECT a FROM t ORDER BY 0",
            "SELECT a FROM t ORDER BY -1",
            "SELECT a FROM t GROUP BY 0",
            "SELECT a FROM t GROUP BY 2147483648",
            "SELECT a FROM t ORDER BY 99999999999999999999",
            "SELECT ? FROM t WHERE ? = ? LIMIT ?",
            "SELECT sum(a) OVER w FROM t",
            "SELECT sum(a) OVER (w) FROM t",
            "SELECT sum(a) OVER w FROM t WINDOW w AS (w)",
            "SELECT sum(a) OVER (w2) FROM t WINDOW w1 AS (w2), w2 AS (w1)",
            "WITH a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM a",
            "WITH a AS (SELECT * FROM a) SELECT * FROM a",
            "SELECT a FROM t AS x(a, b, c, d)",
            "SELECT 1 FROM t AS x()",
            "SELECT 'a' 'b' 'c'",
            "SELECT N'",
            "SELECT U&'\\",
            "SELECT U&'\\D800'",
            "SELECT _XYZ'a'",
            "\u0000",
            "SELECT \u0000",
            "SELECT '\u0000'",
            "SELECT `\u0000`",
            "\uFEFFSELECT 1",
            "SELECT\u00A01",
            "SELECT\u20281",
            "SELECT 1\r",
            "\r\n\r\n",
            "EXPLAIN",
            "EXPLAIN ",
            "EXPLAIN SELECT",
            "EXPLAIN EXTENDED",
            "EXPLAIN (SELECT 1",
            "EXPLAIN EXPLAIN SELECT 1",
            "EXPLAIN FORMATTED WITH",
            "explain codegen values (1",
            "EXPLAIN VALUES",
            "EXPLAIN ;");
    check(LIMIT, c -> inputs.forEach(c::check));
  }

  @Test
  void invalidUtf16() {
    String[] lone = {"\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\uD83D"};
    List<String> templates =
        List.of(
            "%s",
            "SELECT %s",
            "SELECT '%s'",
            "SELECT `%s`",
            "SELECT \"%s\"",
            "SELECT %s FROM t",
            "SELECT a AS `%s` FROM t",
            "SELECT a FROM `%s`",
            "SELECT a FROM t -- %s",
            "SELECT a /* %s */ FROM t",
            "SELECT {fn %s(a)}",
            "SELECT a FROM t WHERE s LIKE '%s'",
            "SELECT a FROM t WHERE s LIKE 'x' {escape '%s'}",
            "SELECT X'%s'",
            "SELECT DATE '%s'",
            "SELECT INTERVAL '%s' DAY",
            "SELECT CAST(a AS %s) FROM t",
            "SELECT a FROM t %s",
            "SELECT '\uD83D\uDE00%s'",
            "SELECT 'x'%s");
    check(
        LIMIT,
        c -> {
          for (String template : templates) {
            for (String s : lone) {
              c.check(template.replace("%s", s));
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------
  // Inputs that once broke the translator.

  /**
   * A statement that fails to parse (or overflows the parser) and starts with ~1,500 or more
   * parentheses, blanks or comments: the {@code LOOKS_LIKE_QUERY} pattern that {@code
   * SqlToPlan.unparsed} applies recurses once per leading token, outside any try/catch, so the
   * {@link StackOverflowError} reaches the caller. The parenthesised set operations are a valid
   * query that gets there because the parser overflows first. The {@code EXPLAIN} pattern has the
   * same loop and runs before parsing, so it overflows on valid queries too.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("longPrefixes")
  void longPrefix(String name, String sql) {
    check(LIMIT, c -> c.check(sql));
  }

  static Stream<Arguments> longPrefixes() {
    return Stream.of(
        Arguments.of("5,000 parentheses", "(".repeat(DEEP) + "SELECT FROM"),
        Arguments.of("1 MB of blanks", " ".repeat(MEGABYTE) + "SELECT FROM"),
        Arguments.of("2,500 newlines", "\n".repeat(2_500) + "SELECT FROM"),
        Arguments.of("2,000 block comments", "/**/".repeat(2_000) + "SELECT FROM"),
        Arguments.of("2,000 line comments", "-- header\n".repeat(2_000) + "SELECT FROM"),
        Arguments.of(
            "parenthesised set operations 5,000 deep",
            "(".repeat(DEEP) + "SELECT 1" + ") UNION SELECT 1".repeat(DEEP)),
        Arguments.of(
            "EXPLAIN of a query in 2,000 parentheses",
            "EXPLAIN " + "(".repeat(2_000) + "SELECT 1" + ")".repeat(2_000)),
        Arguments.of("EXPLAIN before 2,000 parentheses", "EXPLAIN " + "( ".repeat(2_000) + "x"));
  }

  /**
   * A flat chain of binary operators costs Calcite's {@code PrecedenceClimbingParser} time
   * quadratic in its length (40,000 ORs: ~13 s; 1 MB: minutes). The translator refuses statements
   * over {@code SqlToPlan.MAX_TRANSLATED_LENGTH} before parsing them.
   */
  @ParameterizedTest(name = "1 MB {0}")
  @MethodSource("megabyteOperatorChains")
  void oneMegabyteOperatorChain(String name, String sql) {
    check(LIMIT, c -> c.check(sql));
  }

  static Stream<Arguments> megabyteOperatorChains() {
    return Stream.of(
        Arguments.of("left-deep sum", "SELECT 1" + " + 1".repeat(MEGABYTE / 4)),
        Arguments.of("OR chain", "SELECT a FROM t WHERE a = 0" + " OR a = 1".repeat(MEGABYTE / 9)));
  }

  // ---------------------------------------------------------------------------------------
  // Machinery

  /** Runs a batch of inputs under a time limit; reports every misbehaving input at the end. */
  private static void check(Duration limit, Consumer<Checker> inputs) {
    Checker checker = new Checker();
    assertTimeoutPreemptively(
        limit,
        () -> inputs.accept(checker),
        () -> "no answer within " + limit + "; last input: " + excerpt(checker.current));
    assertThat(checker.failures)
        .as(
            "%d misbehaviour(s) over %d inputs, each tried in TRANSLATE and STRICT mode",
            checker.failures.size(), checker.checked)
        .isEmpty();
  }

  private static final class Checker {
    private final List<String> failures = new ArrayList<>();
    private volatile String current = "";
    private int checked;

    void check(String sql) {
      current = sql;
      checked++;
      inMode(TRANSLATE, sql);
      inMode(STRICT, sql);
    }

    private void inMode(SqlToPlan translator, String sql) {
      TranslationConfig.Mode mode = translator.config().mode();
      try {
        Translation t = translator.translate(sql);
        if (t == null) {
          fail(mode, sql, "null translation");
        } else if (t.isTranslated()) {
          if (t.relation().isEmpty() || t.fallbackReason().isPresent()) {
            fail(mode, sql, "translated without a relation, or with a fallback reason");
          } else {
            t.relation().get().toByteString(); // the caller serialises it next
          }
        } else if (t.fallbackReason().map(String::isBlank).orElse(true)) {
          fail(mode, sql, "fallback without a reason");
        } else if (mode == TranslationConfig.Mode.STRICT && t.isQuery()) {
          fail(mode, sql, "strict mode fell back on a query: " + t.fallbackReason().get());
        }
      } catch (SqlTranslationException e) {
        if (mode != TranslationConfig.Mode.STRICT && !badEscape(sql)) {
          fail(mode, sql, "threw " + e);
        } else if (e.getMessage() == null || e.line() < 0 || e.column() < 0) {
          fail(mode, sql, "strict refusal without a message or with a negative position: " + e);
        }
      } catch (Throwable e) {
        fail(mode, sql, "threw " + e);
      }
    }

    /** A JDBC escape Spark has no meaning for: refused in every mode, as no text can stand in. */
    private static boolean badEscape(String sql) {
      try {
        EscapeRewriter.rewrite(sql, TranslationConfig.Quoting.BACK_TICK);
        return false;
      } catch (SqlTranslationException e) {
        return true;
      }
    }

    private void fail(TranslationConfig.Mode mode, String sql, String what) {
      if (failures.size() < 50) {
        failures.add(mode + " " + what + "\n    for: " + excerpt(sql));
      } else if (failures.size() == 50) {
        failures.add("… (further failures not listed)");
      }
    }
  }

  private static List<String> goldenStatements() {
    Path dir = GoldenPlanTest.goldenDir();
    List<String> out = new ArrayList<>();
    for (Path p : GoldenPlanTest.statements()) {
      out.add(GoldenPlanTest.read(dir.resolve(p)));
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static final String MUTATION_ALPHABET =
      "()[]{}'\"`;,.*+-/%<>=!?:|&^~\\ \n"
          + "\t0123456789abcxyzSELECTFROMWHERE_$#@\u00e9\u65e5\uD800\u0000";
  private static final String[] MUTATION_WORDS = {
    " SELECT ",
    " FROM ",
    " WHERE ",
    " (",
    ") ",
    " AND ",
    " OR ",
    " NOT ",
    " IN ",
    " AS ",
    " JOIN ",
    " ON ",
    " GROUP BY ",
    " ORDER BY ",
    " LIMIT ",
    " UNION ",
    " OVER (",
    " CASE ",
    " END ",
    " {fn ",
    "}",
    " {oj ",
    " {escape '",
    " NULL ",
    " * ",
    " ? ",
    "'",
    "`",
    "/*",
    "--",
  };

  private static void mutate(StringBuilder sql, Random random) {
    int at = sql.length() == 0 ? 0 : random.nextInt(sql.length() + 1);
    switch (random.nextInt(4)) {
      case 0 ->
          sql.insert(at, MUTATION_ALPHABET.charAt(random.nextInt(MUTATION_ALPHABET.length())));
      case 1 -> sql.insert(at, MUTATION_WORDS[random.nextInt(MUTATION_WORDS.length)]);
      case 2 -> {
        if (at < sql.length()) {
          sql.deleteCharAt(at);
        }
      }
      default -> {
        if (at < sql.length()) {
          sql.setCharAt(at, MUTATION_ALPHABET.charAt(random.nextInt(MUTATION_ALPHABET.length())));
        }
      }
    }
  }

  private static String cteChain(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      s.append(", c").append(i).append(" AS (SELECT a FROM c").append(i - 1).append(')');
    }
    return s.toString();
  }

  private static String joinChain(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      s.append(" JOIN t")
          .append(i)
          .append(" ON t")
          .append(i - 1)
          .append(".a = t")
          .append(i)
          .append(".a");
    }
    return s.toString();
  }

  private static String excerpt(String sql) {
    String shown =
        sql.length() <= 160
            ? sql
            : sql.substring(0, 120)
                + " … ("
                + sql.length()
                + " chars) … "
                + sql.substring(sql.length() - 30);
    StringBuilder out = new StringBuilder();
    shown
        .chars()
        .forEach(
            ch -> {
              if (ch < 0x20 || Character.isSurrogate((char) ch)) {
                out.append(String.format("\\u%04x", ch));
              } else {
                out.append((char) ch);
              }
            });
    return out.toString();
  }
}
