package dev.sparkjdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random text, and random mutations of real statements, through every reader of SQL text: the
 * lexer, the escape rewriter, {@link SqlStatement} and {@link SqlToPlan#translate}, in both quoting
 * modes. Each must answer, or refuse with a {@link SqlTranslationException}: never another
 * exception, never a hang. Inputs come from fixed seeds, so a failure replays.
 */
class LexerEscapeFuzzTest {
  private static final long SEED = 0xE5CA9EL;
  private static final Duration LIMIT = Duration.ofSeconds(120);

  /** Pieces that matter to the lexer and the escapes, most of them half of something. */
  private static final String[] PIECES = {
    "{",
    "}",
    "{fn ",
    "{d ",
    "{ts ",
    "{t ",
    "{oj ",
    "{escape ",
    "{limit ",
    "{call ",
    "{? = call ",
    "'",
    "\"",
    "`",
    "''",
    "\"\"",
    "``",
    "\\",
    "\\'",
    "r'",
    "R\"",
    "--",
    "\n",
    "\r",
    "/*",
    "*/",
    "/*+",
    "?",
    "(",
    ")",
    ",",
    ";",
    "[",
    "]",
    " ",
    "\t",
    "\u00A0",
    "SELECT ",
    "FROM ",
    "INSERT ",
    "INTO ",
    "VALUES ",
    "EXPLAIN ",
    "TIMESTAMP_NTZ ",
    "abs(",
    "x",
    "1",
    ".5e",
    "é",
    "\uD835\uDC9C",
    "\uD83D",
    "\uDE00",
    "s3://",
    "file:///a?b",
    "'2020-01-01'",
    "OFFSET ",
    "LIMIT ",
  };

  private static final List<String> ESCAPED =
      List.of(
          "INSERT INTO t VALUES ({d '2020-02-29'}, {ts '2020-02-29 10:11:12'}, {fn UCASE('abc')})",
          "SELECT {fn ABS(id - 5)}, id DIV 2 FROM range(3)",
          "SELECT {fn UCASE(s)} FROM (SELECT 'it\\'s' AS s)",
          "SELECT id FROM range(20) ORDER BY id {limit 3 offset 5}",
          "SELECT * FROM {oj a LEFT OUTER JOIN b ON {fn abs(a.k)} = b.k} WHERE s LIKE '\\_%'"
              + " {escape '\\'}",
          "SELECT {t '10:11:12'}, \"{d 'x'}\", `{fn f(}` /* {call p} */ -- {oj\n"
              + " FROM t WHERE k = ?",
          "{call p(?)}",
          "UPDATE t SET d = {d '2020-01-01'} WHERE k = ? AND s = '{fn x}'");

  @Test
  void randomText() {
    Random random = new Random(SEED);
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      StringBuilder sql = new StringBuilder();
      int pieces = 1 + random.nextInt(24);
      for (int p = 0; p < pieces; p++) {
        sql.append(PIECES[random.nextInt(PIECES.length)]);
      }
      inputs.add(sql.toString());
    }
    for (int i = 0; i < 200; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) random.nextInt(random.nextBoolean() ? 128 : 0x10000);
      }
      inputs.add(new String(chars));
    }
    checkAll(inputs);
  }

  @Test
  void mutatedRealStatements() {
    List<String> corpus = new ArrayList<>(ESCAPED);
    Path dir = GoldenPlanTest.goldenDir();
    for (Path p : GoldenPlanTest.statements()) {
      if (p.toString().contains("jdbc") || corpus.size() < 60) {
        corpus.add(GoldenPlanTest.read(dir.resolve(p)));
      }
    }
    Random random = new Random(SEED + 1);
    List<String> inputs = new ArrayList<>(corpus);
    for (int i = 0; i < 600; i++) {
      StringBuilder sql = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(sql.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> sql.insert(at, PIECES[random.nextInt(PIECES.length)]);
          case 1 -> sql.delete(at, Math.min(sql.length(), at + 1 + random.nextInt(6)));
          default ->
              sql.replace(
                  at, Math.min(sql.length(), at + 1), PIECES[random.nextInt(PIECES.length)]);
        }
      }
      inputs.add(sql.toString());
    }
    // every prefix of the escaped statements: each unterminated construct in turn
    for (String sql : ESCAPED) {
      for (int end = 0; end <= sql.length(); end++) {
        inputs.add(sql.substring(0, end));
      }
    }
    checkAll(inputs);
  }

  private static void checkAll(List<String> inputs) {
    List<String> failures = new ArrayList<>();
    String[] current = {""};
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          for (String sql : inputs) {
            current[0] = sql;
            for (TranslationConfig.Quoting quoting : TranslationConfig.Quoting.values()) {
              try {
                check(sql, quoting);
              } catch (SqlTranslationException expected) {
                // a clean refusal
              } catch (RuntimeException | StackOverflowError e) {
                failures.add(quoting + " " + e + " for: " + sql);
              }
            }
          }
        },
        () -> "no answer within " + LIMIT + "; last input: " + current[0]);
    assertThat(failures).as("%d inputs", inputs.size()).isEmpty();
  }

  private static void check(String sql, TranslationConfig.Quoting quoting)
      throws SqlTranslationException {
    List<SqlLexer.Token> tokens = SqlLexer.tokens(sql, quoting);
    int at = 0;
    for (SqlLexer.Token t : tokens) {
      if (t.start() != at || t.end() <= t.start()) {
        throw new IllegalStateException("tokens do not cover the text at " + at);
      }
      at = t.end();
    }
    if (at != sql.length()) {
      throw new IllegalStateException("tokens end at " + at);
    }
    inspect(sql, quoting);
    try {
      // as with escape processing off: the text as it is
      new SqlToPlan(new TranslationConfig(quoting, TranslationConfig.Mode.STRICT))
          .prepareSpark(sql)
          .bind(List.of());
    } catch (SqlTranslationException refused) {
      // strict mode's answer
    }
    String spark = EscapeRewriter.rewrite(sql, quoting);
    inspect(spark, quoting);
    new SqlToPlan(new TranslationConfig(quoting, TranslationConfig.Mode.TRANSLATE)).translate(sql);
  }

  private static void inspect(String sql, TranslationConfig.Quoting quoting) {
    SqlStatement s = SqlStatement.of(sql, quoting);
    s.leadingKeyword();
    s.markerCount();
    s.bareLiteralMarkers();
    s.insertValuesRows();
    s.insertMarkersTable();
    s.withMarkers(i -> "NULL");
  }
}
