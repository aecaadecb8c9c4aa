package dev.sparkjdbc.plan;

import dev.sparkjdbc.proto.AnalyzePlanRequest.Explain.ExplainMode;
import dev.sparkjdbc.proto.Expression;
import dev.sparkjdbc.proto.Relation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
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

  private static final Pattern EXPLAIN =
      Pattern.compile("(?is)\\s*EXPLAIN\\s+(?:(EXTENDED|CODEGEN|COST|FORMATTED)\\s+)?");

  private final TranslationConfig config;
  private final SqlParser.Config parserConfig;

  public SqlToPlan(TranslationConfig config) {
    this.config = config;
    this.parserConfig =
        SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
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
   * each becomes a typed literal inside the plan, never text.
   */
  public Translation translate(String sql, List<Expression> parameters)
      throws SqlTranslationException {
    return prepare(sql).bind(parameters);
  }

  /**
   * Parses a statement once; {@link PreparedQuery#bind} then translates it with the values of its
   * {@code ?} markers as often as needed, without parsing again.
   */
  public PreparedQuery prepare(String sql) throws SqlTranslationException {
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
    SqlPreprocessor.Result pre = SqlPreprocessor.normalise(sql, config.quoting());
    String text = pre.sql();
    Matcher explain = EXPLAIN.matcher(text);
    if (explain.lookingAt()
        && QUERY_KEYWORDS.contains(leadingKeyword(text.substring(explain.end())))) {
      String mode = explain.group(1) == null ? "SIMPLE" : explain.group(1).toUpperCase(Locale.ROOT);
      return prepare(text.substring(explain.end()))
          .explained(ExplainMode.valueOf("EXPLAIN_MODE_" + mode), sql);
    }
    if (pre.sparkOnly() != null) {
      return PreparedQuery.fixed(
          refuse(pre.sparkOnly(), null, null, QUERY_KEYWORDS.contains(leadingKeyword(text)), false),
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
