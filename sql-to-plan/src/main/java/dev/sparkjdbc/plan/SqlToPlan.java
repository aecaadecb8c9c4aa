package dev.sparkjdbc.plan;

import dev.sparkjdbc.plan.parser.SparkSqlParserImpl;
import dev.sparkjdbc.proto.AnalyzePlanRequest.Explain.ExplainMode;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Translates client SQL into Spark Connect relations with Apache Calcite, or decides that the
 * statement goes to Spark as SQL text and says why. Thread-safe; one instance per configuration.
 *
 * <pre>{@code
 * Translation t = new SqlToPlan(TranslationConfig.DEFAULT).translate("SELECT {fn UCASE(name)} FROM t");
 * }</pre>
 */
public final class SqlToPlan {
  /** Kinds Calcite parses that are queries: translated. Everything else is a command: text. */
  private static final Set<SqlKind> QUERIES =
      Set.of(
          SqlKind.SELECT,
          SqlKind.ORDER_BY,
          SqlKind.UNION,
          SqlKind.INTERSECT,
          SqlKind.EXCEPT,
          SqlKind.WITH,
          SqlKind.VALUES);

  private static final Set<String> QUERY_KEYWORDS = Set.of("SELECT", "WITH", "VALUES");

  /**
   * Calcite's parser is quadratic in long operator chains; beyond this size the statement goes to
   * Spark as text rather than risk a parse that takes minutes.
   */
  static final int MAX_TRANSLATED_LENGTH = 64 * 1024;

  private static final Set<String> EXPLAIN_MODES =
      Set.of("EXTENDED", "CODEGEN", "COST", "FORMATTED");

  private final TranslationConfig config;
  private final SqlParser.Config parserConfig;
  private final FallbackCache fallbacks = new FallbackCache(1024);

  public SqlToPlan(TranslationConfig config) {
    this.config = config;
    this.parserConfig =
        SqlParser.config()
            .withParserFactory(SparkSqlParserImpl.FACTORY)
            .withConformance(SqlConformanceEnum.BABEL)
            .withQuoting(
                config.quoting() == TranslationConfig.Quoting.BACK_TICK
                    ? Quoting.BACK_TICK
                    : Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false);
  }

  /**
   * The first word of a statement after blanks, comments and opening parentheses, upper-cased;
   * empty when there is none. Shared with the driver, which routes statements by it.
   */
  public static String leadingKeyword(String sql) {
    return SqlStatement.leadingKeyword(sql, TranslationConfig.Quoting.BACK_TICK);
  }

  public TranslationConfig config() {
    return config;
  }

  public Translation translate(String sql) throws SqlTranslationException {
    return translate(sql, List.of());
  }

  /**
   * Translates with values for the statement's {@code ?} markers, in order, as Connect literals:
   * each becomes a typed literal inside the plan, never text. JDBC escapes are rewritten first
   * ({@link #toSpark}).
   */
  public Translation translate(String sql, List<Expression> parameters)
      throws SqlTranslationException {
    return translateSpark(toSpark(sql), parameters);
  }

  /**
   * Records that the server rejected the plan translated from {@code sql} (escapes already
   * rewritten, as {@link #prepareSpark} takes it) although its text runs (a translator bug): from
   * now on this connection sends that statement as text.
   */
  public void rememberRejected(String sql, String reason) {
    boolean query = QUERY_KEYWORDS.contains(leadingKeyword(sql));
    fallbacks.put(
        sql, PreparedQuery.fixed(Translation.fallback(reason, query), sql, config.quoting()));
  }

  /**
   * {@link #translate(String, List)} of text whose escapes are already rewritten, or must not be
   * ({@link #prepareSpark}).
   */
  public Translation translateSpark(String sql, List<Expression> parameters)
      throws SqlTranslationException {
    PreparedQuery prepared = prepareSpark(sql);
    Translation translation = prepared.bind(parameters);
    if (!translation.isTranslated() && !prepared.isFixed() && parameters.isEmpty()) {
      // parsed, but refused by the translators: the same text will be refused again
      fallbacks.put(sql, PreparedQuery.fixed(translation, sql, config.quoting()));
    }
    return translation;
  }

  /**
   * The statement with its JDBC escapes rewritten into Spark SQL ({@link EscapeRewriter}): the text
   * both the translator and Spark read. Text without escapes comes back unchanged.
   *
   * @throws SqlTranslationException for an escape that is unknown, unterminated, or has no Spark
   *     meaning ({@code {call …}})
   */
  public String toSpark(String sql) throws SqlTranslationException {
    return EscapeRewriter.rewrite(sql, config.quoting());
  }

  /**
   * Parses a statement once; {@link PreparedQuery#bind} then translates it with the values of its
   * {@code ?} markers as often as needed, without parsing again. JDBC escapes are rewritten first.
   */
  public PreparedQuery prepare(String sql) throws SqlTranslationException {
    EscapeRewriter.Rewritten rewritten = EscapeRewriter.rewriteMarked(sql, config.quoting());
    PreparedQuery prepared = prepareSpark(rewritten.sql());
    return rewritten.markerSources() == null
        ? prepared
        : prepared.withMarkerSources(
            rewritten.markerSources(), SqlStatement.of(sql, config.quoting()).markerCount());
  }

  /**
   * {@link #prepare} of text whose escapes are already rewritten, or must not be (a statement with
   * escape processing off): braces left in it go to Spark as they are, which answers for them.
   */
  public PreparedQuery prepareSpark(String sql) throws SqlTranslationException {
    PreparedQuery known = fallbacks.get(sql);
    if (known != null) {
      return known;
    }
    PreparedQuery prepared = prepareUncached(sql);
    if (prepared.isFixed()) {
      fallbacks.put(sql, prepared);
    }
    return prepared;
  }

  private PreparedQuery prepareUncached(String sql) throws SqlTranslationException {
    if (config.mode() == TranslationConfig.Mode.TEXT) {
      return PreparedQuery.fixed(Translation.fallback("text mode", false), sql, config.quoting());
    }
    if (sql.length() > MAX_TRANSLATED_LENGTH) {
      boolean query = QUERY_KEYWORDS.contains(leadingKeyword(sql));
      String reason = "statement longer than " + MAX_TRANSLATED_LENGTH + " characters";
      return PreparedQuery.fixed(
          query ? refuse(reason, null, null, true, false) : Translation.fallback(reason, false),
          sql,
          config.quoting());
    }
    String keyword = leadingKeyword(sql);
    if (!QUERY_KEYWORDS.contains(keyword) && !keyword.equals("EXPLAIN")) {
      // Only queries are translated: a command needs no parse to know it goes as text.
      return PreparedQuery.fixed(
          Translation.fallback((keyword.isEmpty() ? "empty" : keyword) + " statement", false),
          sql,
          config.quoting());
    }
    if (config.session().doubleQuotesAreNames()
        && config.quoting() == TranslationConfig.Quoting.BACK_TICK
        && sql.indexOf('"') >= 0) {
      // The session reads "x" as a name where this translator reads a string.
      String reason = "double quotes under spark.sql.ansi.doubleQuotedIdentifiers";
      return PreparedQuery.fixed(
          QUERY_KEYWORDS.contains(leadingKeyword(sql))
              ? refuse(reason, null, null, true, false)
              : Translation.fallback(reason, false),
          sql,
          config.quoting());
    }
    if (sql.contains("${")) {
      // Spark substitutes ${conf} and ${var} references into the text before parsing it
      // (spark.sql.variable.substitute), anywhere in it, literals included: only Spark knows what
      // the statement says.
      String reason = "a ${...} reference, which Spark substitutes into the text";
      return PreparedQuery.fixed(
          QUERY_KEYWORDS.contains(keyword)
              ? refuse(reason, null, null, true, false)
              : Translation.fallback(reason, false),
          sql,
          config.quoting());
    }
    SqlPreprocessor.Result pre = SqlPreprocessor.normalise(sql, config.quoting());
    String text = pre.sql();
    if (pre.braces()) {
      // Calcite would read a JDBC escape that Spark's parser rejects: Spark answers instead (strict
      // mode refuses a query, as for any other text the parser does not accept)
      return PreparedQuery.fixed(
          refuse(
              "braces, which Spark SQL does not have (a JDBC escape with escape processing off?)",
              null,
              null,
              QUERY_KEYWORDS.contains(leadingKeyword(text)),
              true),
          sql,
          config.quoting());
    }
    int explained = explainedQuery(text);
    if (explained >= 0) {
      SqlLexer.Token mode = significantTokens(text, 2).get(1);
      String name = mode.start() < explained ? mode.keyword(text) : "SIMPLE";
      return prepareSpark(text.substring(explained))
          .explained(ExplainMode.valueOf("EXPLAIN_MODE_" + name), sql);
    }
    if (pre.notSpark() != null) {
      // Calcite would answer; Spark's parser reports an error, which is the answer to keep
      return PreparedQuery.fixed(
          refuse(
              pre.notSpark() + " (not Spark SQL)",
              null,
              null,
              QUERY_KEYWORDS.contains(leadingKeyword(text)),
              false),
          sql,
          config.quoting());
    }
    SqlNode node;
    try {
      node = SqlParser.create(text, parserConfig).parseStmt();
    } catch (SqlParseException e) {
      return PreparedQuery.fixed(
          unparsed(
              sql,
              "the SQL parser does not accept it: " + firstLine(e.getMessage()),
              e.getPos(),
              e),
          sql,
          config.quoting());
    } catch (RuntimeException | StackOverflowError e) {
      return PreparedQuery.fixed(
          unparsed(sql, "the SQL parser failed: " + e, null, e), sql, config.quoting());
    }
    if (!QUERIES.contains(node.getKind())) {
      return PreparedQuery.fixed(
          Translation.fallback(node.getKind() + " statement", false), sql, config.quoting());
    }
    try {
      return PreparedQuery.parsed(this, node, text, sql);
    } catch (StackOverflowError e) {
      return PreparedQuery.fixed(
          refuse("expression nested too deeply", null, null, true, false), sql, config.quoting());
    }
  }

  /**
   * For {@code EXPLAIN [EXTENDED|CODEGEN|COST|FORMATTED] query}: where the query starts; -1 for any
   * other statement.
   */
  private int explainedQuery(String text) {
    List<SqlLexer.Token> first = significantTokens(text, 3);
    if (first.size() < 2 || !first.get(0).keyword(text).equals("EXPLAIN")) {
      return -1;
    }
    int query = EXPLAIN_MODES.contains(first.get(1).keyword(text)) ? 2 : 1;
    if (first.size() <= query) {
      return -1;
    }
    int start = first.get(query).start();
    return QUERY_KEYWORDS.contains(
            SqlStatement.leadingKeyword(text.substring(start), config.quoting()))
        ? start
        : -1;
  }

  /** The first {@code count} tokens of {@code text} that are not whitespace or comments. */
  private List<SqlLexer.Token> significantTokens(String text, int count) {
    List<SqlLexer.Token> out = new ArrayList<>(count);
    SqlLexer lexer = SqlLexer.of(text, config.quoting());
    for (SqlLexer.Token t = lexer.nextToken();
        t != null && out.size() < count;
        t = lexer.nextToken()) {
      if (!t.isBlank()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Translates a parsed query with parameter values; refusals as in {@link #translate}. */
  Translation bind(SqlNode node, String text, List<Expression> parameters)
      throws SqlTranslationException {
    try {
      RelationTranslator translator = new RelationTranslator(parameters, text, config.session());
      Relation root = translator.translateRoot(node);
      if (text.length() > 2_000 && PlanDepth.exceeds(root, PlanDepth.SERVER_LIMIT)) {
        return refuse("plan nested deeper than Spark Connect accepts", null, null, true, false);
      }
      return Translation.translated(root, translator.features());
    } catch (UnsupportedSqlException e) {
      if (e.noSparkMeaning()) {
        throw new SqlTranslationException(
            e.getMessage(), e.position().getLineNum(), e.position().getColumnNum(), false, true, e);
      }
      return refuse(e.getMessage(), e.position(), e, true, false);
    } catch (StackOverflowError e) {
      return refuse("expression nested too deeply", null, null, true, false);
    } catch (RuntimeException | LinkageError e) {
      // A shape the translators did not expect: never a partial plan, never a crash. (In the
      // driver, Calcite runs with grpc's Android flavour of Guava: its SQL unparsing, reached by
      // SqlNode.toString(), fails there with IncompatibleClassChangeError.)
      return refuse(
          "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          null,
          e,
          true,
          false);
    }
  }

  /**
   * Spark understands much that Calcite cannot parse (DDL, Spark-only syntax): those go as text
   * even in strict mode, which refuses only statements that look like queries.
   */
  private Translation unparsed(String sql, String reason, SqlParserPos pos, Throwable cause)
      throws SqlTranslationException {
    if (!QUERY_KEYWORDS.contains(leadingKeyword(sql))) {
      return Translation.fallback(reason, false);
    }
    return refuse(reason, pos, cause, true, true);
  }

  private Translation refuse(
      String reason, SqlParserPos pos, Throwable cause, boolean query, boolean syntax)
      throws SqlTranslationException {
    if (config.mode() == TranslationConfig.Mode.STRICT) {
      int line = pos == null ? 0 : pos.getLineNum();
      int column = pos == null ? 0 : pos.getColumnNum();
      throw new SqlTranslationException("Cannot translate: " + reason, line, column, syntax, cause);
    }
    return Translation.fallback(reason, query);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int eol = message.indexOf('\n');
    return eol < 0 ? message : message.substring(0, eol);
  }
}
