package dev.sparkjdbc.plan;

import static dev.sparkjdbc.plan.TranslationConfig.Quoting.BACK_TICK;
import static dev.sparkjdbc.plan.TranslationConfig.Quoting.DOUBLE_QUOTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each of Spark's lexical rules (SqlBaseLexer.g4) in both quoting modes. Tokens are shown as {@code
 * KIND[text]}, blanks left out unless the test is about them.
 */
class SqlLexerTest {

  private static String tokens(String sql, TranslationConfig.Quoting quoting) {
    return SqlLexer.tokens(sql, quoting).stream()
        .filter(t -> t.kind() != SqlLexer.Kind.WHITESPACE)
        .map(t -> t.kind() + "[" + t.text(sql) + "]")
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void tokensCoverTheWholeTextInOrder(TranslationConfig.Quoting quoting) {
    String sql = "SELECT a, 'x''y' /* c /* d */ */ -- e\n FROM `t` WHERE \"q\" = ? ;";
    List<SqlLexer.Token> all = SqlLexer.tokens(sql, quoting);
    int at = 0;
    for (SqlLexer.Token t : all) {
      assertThat(t.start()).isEqualTo(at);
      assertThat(t.end()).isGreaterThan(t.start());
      at = t.end();
    }
    assertThat(at).isEqualTo(sql.length());
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void singleQuotedStringsTakeBackslashEscapesInBothModes(TranslationConfig.Quoting quoting) {
    assertThat(tokens("'it\\'s' ?", quoting)).isEqualTo("STRING['it\\'s'] MARKER[?]");
    assertThat(tokens("'a\\\\' ?", quoting)).isEqualTo("STRING['a\\\\'] MARKER[?]");
    // a doubled quote is a quote (Spark 4.1 and later)
    assertThat(tokens("'a''?' ?", quoting)).isEqualTo("STRING['a''?'] MARKER[?]");
  }

  @Test
  void doubleQuotesMakeAStringWithBackTicks() {
    assertThat(tokens("\"a\\\"?\" ?", BACK_TICK)).isEqualTo("STRING[\"a\\\"?\"] MARKER[?]");
    assertThat(tokens("\"a\"\"?\" ?", BACK_TICK)).isEqualTo("STRING[\"a\"\"?\"] MARKER[?]");
  }

  @Test
  void doubleQuotesMakeANameWithAnsiQuoting() {
    assertThat(tokens("\"a\"\"?\" ?", DOUBLE_QUOTE))
        .isEqualTo("QUOTED_IDENTIFIER[\"a\"\"?\"] MARKER[?]");
    // no backslash escapes in a name: the backslash is a character of it
    assertThat(tokens("\"a\\\" ?", DOUBLE_QUOTE)).isEqualTo("QUOTED_IDENTIFIER[\"a\\\"] MARKER[?]");
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void backQuotesMakeANameWithDoubledBackQuotes(TranslationConfig.Quoting quoting) {
    assertThat(tokens("`a``?'` ?", quoting)).isEqualTo("QUOTED_IDENTIFIER[`a``?'`] MARKER[?]");
    assertThat(tokens("`a\\` ?", quoting)).isEqualTo("QUOTED_IDENTIFIER[`a\\`] MARKER[?]");
  }

  @Test
  void rawStringsHaveNoEscapes() {
    assertThat(tokens("r'a\\' ?", BACK_TICK)).isEqualTo("STRING[r'a\\'] MARKER[?]");
    assertThat(tokens("R\"a\\\" ?", BACK_TICK)).isEqualTo("STRING[R\"a\\\"] MARKER[?]");
    assertThat(tokens("r'a\\' ?", DOUBLE_QUOTE)).isEqualTo("STRING[r'a\\'] MARKER[?]");
    // with ANSI quoting, r"…" is the name r before a quoted name, as ANSI SQL reads it
    assertThat(tokens("r\"a\"", DOUBLE_QUOTE)).isEqualTo("WORD[r] QUOTED_IDENTIFIER[\"a\"]");
    // r only starts a raw string as a token of its own
    assertThat(tokens("bar'x\\'y'", BACK_TICK)).isEqualTo("WORD[bar] STRING['x\\'y']");
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void lineCommentsEndAtTheLineBreakUnlessABackslashContinuesThem(
      TranslationConfig.Quoting quoting) {
    assertThat(tokens("-- ? '\n?", quoting)).isEqualTo("COMMENT[-- ? '] MARKER[?]");
    assertThat(tokens("-- a \\\n? \n?", quoting)).isEqualTo("COMMENT[-- a \\\n? ] MARKER[?]");
    assertThat(tokens("-- a\r\n?", quoting)).isEqualTo("COMMENT[-- a] MARKER[?]");
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void bracketedCommentsNest(TranslationConfig.Quoting quoting) {
    assertThat(tokens("/* a /* ? */ ' */ ?", quoting))
        .isEqualTo("COMMENT[/* a /* ? */ ' */] MARKER[?]");
    assertThat(tokens("/* unterminated ?", quoting)).isEqualTo("COMMENT[/* unterminated ?]");
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void aHintIsTokensNotAComment(TranslationConfig.Quoting quoting) {
    assertThat(tokens("/*+ REPARTITION(?) */", quoting))
        .isEqualTo(
            "SYMBOL[/] SYMBOL[*] SYMBOL[+] WORD[REPARTITION] SYMBOL[(] MARKER[?] SYMBOL[)]"
                + " SYMBOL[*] SYMBOL[/]");
    // and inside a comment, /*+ opens no nested comment
    assertThat(tokens("/* a /*+ b */ ?", quoting)).isEqualTo("COMMENT[/* a /*+ b */] MARKER[?]");
  }

  @ParameterizedTest
  @EnumSource(TranslationConfig.Quoting.class)
  void unterminatedQuotesRunToTheEnd(TranslationConfig.Quoting quoting) {
    assertThat(tokens("'a ?", quoting)).isEqualTo("STRING['a ?]");
    assertThat(tokens("`a ?", quoting)).isEqualTo("QUOTED_IDENTIFIER[`a ?]");
    assertThat(tokens("'a\\", quoting)).isEqualTo("STRING['a\\]");
  }

  @Test
  void wordsAreUnicodeLettersIncludingSurrogatePairs() {
    String math = "\uD835\uDC9C"; // U+1D49C MATHEMATICAL SCRIPT CAPITAL A, a letter
    assertThat(tokens("é" + math + "_1 ?", BACK_TICK)).isEqualTo("WORD[é" + math + "_1] MARKER[?]");
    // a letter before r makes r part of the word: no raw string starts there
    assertThat(tokens(math + "r'\\'?'", BACK_TICK)).isEqualTo("WORD[" + math + "r] STRING['\\'?']");
    String emoji = "\uD83D\uDE00"; // not a letter: a symbol of its own, both halves together
    assertThat(tokens("a" + emoji + "b", BACK_TICK))
        .isEqualTo("WORD[a] SYMBOL[" + emoji + "] WORD[b]");
  }

  @Test
  void digitsOfOtherScriptsAreNotDigits() {
    assertThat(tokens("a\u0663", BACK_TICK)).isEqualTo("WORD[a] SYMBOL[\u0663]");
  }

  @Test
  void numbersWithFractionsExponentsAndSuffixes() {
    assertThat(tokens("1 1.5 .5e-3 2E10 10L 1.5BD 3S", BACK_TICK))
        .isEqualTo(
            "NUMBER[1] NUMBER[1.5] NUMBER[.5e-3] NUMBER[2E10] NUMBER[10L] NUMBER[1.5BD]"
                + " NUMBER[3S]");
  }

  @Test
  void sparksWhitespaceIncludesNoBreakSpaces() {
    List<SqlLexer.Token> t = SqlLexer.tokens("a\u00A0\u2007\u202F\u3000b", BACK_TICK);
    assertThat(t)
        .extracting(SqlLexer.Token::kind)
        .containsExactly(SqlLexer.Kind.WORD, SqlLexer.Kind.WHITESPACE, SqlLexer.Kind.WORD);
  }

  @Test
  void aUriPathIsOneWord() {
    assertThat(tokens("s3://b/p?x=1 ?", BACK_TICK))
        .isEqualTo(
            "WORD[s3] SYMBOL[:] SYMBOL[/] SYMBOL[/] WORD[b] SYMBOL[/] WORD[p] MARKER[?] WORD[x]"
                + " SYMBOL[=] NUMBER[1] MARKER[?]");
    assertThat(tokens("file:///tmp/x?y ?", BACK_TICK)).isEqualTo("WORD[file:///tmp/x?y] MARKER[?]");
  }

  @Test
  void bracesAreSymbols() {
    assertThat(tokens("{fn f('}')}", BACK_TICK))
        .isEqualTo("SYMBOL[{] WORD[fn] WORD[f] SYMBOL[(] STRING['}'] SYMBOL[)] SYMBOL[}]");
  }

  @Test
  void readingCanContinueFromAnyTokenStart() {
    String sql = "a 'b' c";
    SqlLexer lexer = SqlLexer.of(sql, BACK_TICK);
    lexer.moveTo(6);
    assertThat(lexer.nextToken().text(sql)).isEqualTo("c");
    assertThat(lexer.position()).isEqualTo(7);
    assertThat(lexer.nextToken()).isNull();
  }
}
