package dev.sparkjdbc.plan;

import dev.sparkjdbc.types.SparkType;
import dev.sparkjdbc.types.SparkTypeNames;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JDBC escape functions ({@code {fn name(args)}}, JDBC 4.3 appendix D, with the ODBC scalar
 * function definitions it refers to) as Spark SQL text, so that the escape rewriter can replace an
 * escape by an expression Spark reads with the spec's meaning and result type, in every statement.
 *
 * <p>The table is data: each function's group (the {@code DatabaseMetaData} list it belongs to),
 * its arity and a template. In a template {@code $1}, {@code $2}… stand for the arguments, each in
 * parentheses so that an argument's operators never bind to the template's. Where Spark's function
 * of the same name means something else (DAYNAME's "Mon", ceil's BIGINT for a DOUBLE, LENGTH's
 * trailing blanks…), the template spells out the spec's meaning.
 */
public final class JdbcFunctions {
  private JdbcFunctions() {}

  /** The {@code DatabaseMetaData} list a function appears in; CONVERSION appears in none. */
  enum Group {
    NUMERIC,
    STRING,
    TIME_DATE,
    SYSTEM,
    CONVERSION
  }

  /** Spark SQL text from the argument texts (already validated for count). */
  @FunctionalInterface
  private interface Renderer {
    String render(List<String> args) throws SqlTranslationException;
  }

  /**
   * One escape function. {@code listed} is false for functions that work only on servers with a
   * setting that Spark leaves off by default (Spark's TIME type), so that the lists name only what
   * works everywhere.
   */
  private record Function(
      String name, Group group, int minArgs, int maxArgs, boolean listed, Renderer renderer) {}

  /** Spark's numeric type names as typeof() spells them, decimals aside. */
  private static final String FIXED_NUMERIC_TYPES =
      "('tinyint', 'smallint', 'int', 'bigint', 'float', 'double')";

  private static final String APPROXIMATE_TYPES = "('float', 'double')";

  private static final Map<String, Function> TABLE = new TreeMap<>();

  static {
    // Numeric functions. ODBC: all return SQL_FLOAT (Spark's DOUBLE) except ABS, CEILING, FLOOR,
    // ROUND, TRUNCATE (the argument's type) and SIGN (an integer, per JDBC's -1, 0, 1).
    simple("ABS", Group.NUMERIC, "abs($1)");
    simple("ACOS", Group.NUMERIC, "acos($1)");
    simple("ASIN", Group.NUMERIC, "asin($1)");
    simple("ATAN", Group.NUMERIC, "atan($1)");
    // JDBC: arctangent of float1 / float2, which is Spark's atan2(y, x) with the same order
    simple("ATAN2", Group.NUMERIC, "atan2($1, $2)");
    add("CEILING", Group.NUMERIC, 1, 1, true, a -> integral(a.get(0), "+", "<"));
    simple("COS", Group.NUMERIC, "cos($1)");
    simple("COT", Group.NUMERIC, "cot($1)");
    simple("DEGREES", Group.NUMERIC, "degrees($1)");
    simple("EXP", Group.NUMERIC, "exp($1)");
    add("FLOOR", Group.NUMERIC, 1, 1, true, a -> integral(a.get(0), "-", ">"));
    simple("LOG", Group.NUMERIC, "ln($1)");
    simple("LOG10", Group.NUMERIC, "log10($1)");
    simple("MOD", Group.NUMERIC, "mod($1, $2)");
    simple("PI", Group.NUMERIC, "pi()");
    simple("POWER", Group.NUMERIC, "power($1, $2)");
    simple("RADIANS", Group.NUMERIC, "radians($1)");
    add("RAND", Group.NUMERIC, 0, 1, true, JdbcFunctions::rand);
    simple("ROUND", Group.NUMERIC, "round($1, $2)");
    simple("SIGN", Group.NUMERIC, "CAST(sign($1) AS INT)");
    simple("SIN", Group.NUMERIC, "sin($1)");
    simple("SQRT", Group.NUMERIC, "sqrt($1)");
    simple("TAN", Group.NUMERIC, "tan($1)");
    add("TRUNCATE", Group.NUMERIC, 2, 2, true, a -> truncate(a.get(0), a.get(1)));

    // String functions
    simple("ASCII", Group.STRING, "ascii($1)");
    simple("CHAR", Group.STRING, "char($1)");
    simple("CHAR_LENGTH", Group.STRING, "char_length($1)");
    simple("CHARACTER_LENGTH", Group.STRING, "character_length($1)");
    simple("CONCAT", Group.STRING, "concat($1, $2)");
    add("DIFFERENCE", Group.STRING, 2, 2, true, a -> difference(a.get(0), a.get(1)));
    simple("INSERT", Group.STRING, "overlay($1 PLACING $4 FROM $2 FOR $3)");
    simple("LCASE", Group.STRING, "lower($1)");
    simple("LEFT", Group.STRING, "left($1, $2)");
    // ODBC: the number of characters excluding trailing blanks
    simple("LENGTH", Group.STRING, "char_length(rtrim($1))");
    add(
        "LOCATE",
        Group.STRING,
        2,
        3,
        true,
        a -> a.size() == 2 ? fill("locate($1, $2)", a) : fill("locate($1, $2, $3)", a));
    simple("LTRIM", Group.STRING, "ltrim($1)");
    simple("OCTET_LENGTH", Group.STRING, "octet_length($1)");
    add("POSITION", Group.STRING, 1, 1, true, a -> position(a.get(0)));
    simple("REPEAT", Group.STRING, "repeat($1, $2)");
    simple("REPLACE", Group.STRING, "replace($1, $2, $3)");
    simple("RIGHT", Group.STRING, "right($1, $2)");
    simple("RTRIM", Group.STRING, "rtrim($1)");
    simple("SOUNDEX", Group.STRING, "soundex($1)");
    simple("SPACE", Group.STRING, "space($1)");
    simple("SUBSTRING", Group.STRING, "substring($1, $2, $3)");
    simple("UCASE", Group.STRING, "upper($1)");

    // Time and date functions
    simple("CURDATE", Group.TIME_DATE, "current_date()");
    simple("CURRENT_DATE", Group.TIME_DATE, "current_date()");
    // Spark's TIME type: on in bin/server, off by default in Spark 4.2 (UNSUPPORTED_TIME_TYPE)
    add("CURTIME", Group.TIME_DATE, 0, 0, false, a -> "current_time()");
    add(
        "CURRENT_TIME",
        Group.TIME_DATE,
        0,
        1,
        false,
        a -> a.isEmpty() ? "current_time()" : fill("current_time($1)", a));
    add("CURRENT_TIMESTAMP", Group.TIME_DATE, 0, 1, true, JdbcFunctions::currentTimestamp);
    simple("NOW", Group.TIME_DATE, "current_timestamp()");
    // Spark's dayname and monthname abbreviate; ODBC's examples are the full names
    simple("DAYNAME", Group.TIME_DATE, "date_format($1, 'EEEE')");
    simple("MONTHNAME", Group.TIME_DATE, "date_format($1, 'MMMM')");
    simple("DAYOFMONTH", Group.TIME_DATE, "dayofmonth($1)");
    simple("DAYOFWEEK", Group.TIME_DATE, "dayofweek($1)"); // 1 = Sunday, as ODBC
    simple("DAYOFYEAR", Group.TIME_DATE, "dayofyear($1)");
    add("EXTRACT", Group.TIME_DATE, 1, 1, true, a -> extract(a.get(0)));
    simple("HOUR", Group.TIME_DATE, "hour($1)");
    simple("MINUTE", Group.TIME_DATE, "minute($1)");
    simple("MONTH", Group.TIME_DATE, "month($1)");
    simple("QUARTER", Group.TIME_DATE, "quarter($1)");
    simple("SECOND", Group.TIME_DATE, "second($1)");
    add("TIMESTAMPADD", Group.TIME_DATE, 3, 3, true, JdbcFunctions::timestampAdd);
    add("TIMESTAMPDIFF", Group.TIME_DATE, 3, 3, true, JdbcFunctions::timestampDiff);
    // ISO 8601 weeks (1..53, Monday first, week 1 holds the year's first Thursday)
    simple("WEEK", Group.TIME_DATE, "weekofyear($1)");
    simple("YEAR", Group.TIME_DATE, "year($1)");

    // System functions
    simple("DATABASE", Group.SYSTEM, "current_database()");
    add("IFNULL", Group.SYSTEM, 2, 2, true, a -> ifNull(a.get(0), a.get(1)));
    simple("USER", Group.SYSTEM, "current_user()");

    // Conversion
    add("CONVERT", Group.CONVERSION, 2, 2, false, a -> convert(a.get(0), a.get(1)));
  }

  /** A function whose template uses {@code $1}…{@code $n}: its arity is the highest n. */
  private static void simple(String name, Group group, String template) {
    int arity = 0;
    for (int i = 0; i < template.length() - 1; i++) {
      if (template.charAt(i) == '$') {
        arity = Math.max(arity, template.charAt(i + 1) - '0');
      }
    }
    add(name, group, arity, arity, true, a -> fill(template, a));
  }

  private static void add(
      String name, Group group, int min, int max, boolean listed, Renderer renderer) {
    TABLE.put(name, new Function(name, group, min, max, listed, renderer));
  }

  /**
   * Spark SQL text for {@code {fn name(args)}}. {@code args} are the argument texts, already
   * rewritten (escapes inside them replaced), without surrounding whitespace. A name the table does
   * not list passes through as a call of that name, so Spark's own functions work inside {@code
   * {fn}} too.
   *
   * @throws SqlTranslationException when a listed function gets the wrong number of arguments or
   *     Spark has no meaning for it
   */
  public static String toSpark(String name, List<String> args) throws SqlTranslationException {
    // "f()" may arrive as one empty argument
    List<String> actual = args.size() == 1 && args.get(0).isBlank() ? List.of() : args;
    Function f = TABLE.get(name.trim().toUpperCase(Locale.ROOT));
    if (f == null) {
      return name.trim().toLowerCase(Locale.ROOT) + "(" + String.join(", ", actual) + ")";
    }
    if (actual.size() < f.minArgs() || actual.size() > f.maxArgs()) {
      throw refusal(
          "{fn "
              + f.name()
              + "} takes "
              + arity(f)
              + ", not "
              + actual.size()
              + ": JDBC 4.3 appendix D");
    }
    return f.renderer().render(actual);
  }

  private static String arity(Function f) {
    String count =
        f.minArgs() == f.maxArgs()
            ? Integer.toString(f.minArgs())
            : f.maxArgs() == f.minArgs() + 1
                ? f.minArgs() + " or " + f.maxArgs()
                : f.minArgs() + " to " + f.maxArgs();
    return count + (f.maxArgs() == 1 && f.minArgs() == 1 ? " argument" : " arguments");
  }

  /** A refusal in every translation mode: no text could give the escape its meaning. */
  private static SqlTranslationException refusal(String message) {
    return new SqlTranslationException(message, 0, 0, false, true, null);
  }

  /**
   * The comma-separated lists {@code DatabaseMetaData} reports: exactly the functions that work.
   */
  public static String numericFunctions() {
    return list(Group.NUMERIC);
  }

  public static String stringFunctions() {
    return list(Group.STRING);
  }

  public static String timeDateFunctions() {
    return list(Group.TIME_DATE);
  }

  public static String systemFunctions() {
    return list(Group.SYSTEM);
  }

  private static String list(Group group) {
    return TABLE.values().stream()
        .filter(f -> f.group() == group && f.listed())
        .map(Function::name)
        .collect(Collectors.joining(","));
  }

  /** {@code template} with {@code $n} replaced by the n-th argument in parentheses. */
  private static String fill(String template, List<String> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
        out.append('(').append(args.get(template.charAt(++i) - '1')).append(')');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A result of x's own type (ODBC: TRUNCATE returns the argument's type), from a value computed as
   * DOUBLE for FLOAT and DOUBLE and as {@code exact} otherwise: Spark's scaled floor and ceil make
   * a DOUBLE a DECIMAL, which overflows beyond 38 digits. Only typeof(x), a constant, tells which;
   * variant_get takes a type that is known only once Spark has resolved x (as {@code {fn IFNULL}}
   * does). Spark folds the constant condition, and evaluates only the branch taken.
   *
   * @param target the type to return for an argument that is not a number of fixed type
   */
  private static String sameType(String x, String approximate, String exact, String target) {
    return "variant_get(if(typeof("
        + x
        + ") IN "
        + APPROXIMATE_TYPES
        + ", CAST("
        + approximate
        + " AS VARIANT), CAST("
        + exact
        + " AS VARIANT)), '$', if(typeof("
        + x
        + ") IN "
        + FIXED_NUMERIC_TYPES
        + ", typeof("
        + x
        + "), "
        + target
        + "))";
  }

  /**
   * CEILING or FLOOR, keeping the argument's kind of number (ODBC: its type), which Spark's ceil
   * and floor do not: they make a DOUBLE a BIGINT, wrong beyond 2^63. round(x, 0) keeps x's type
   * (rounding a DOUBLE exactly, through its decimal digits); where it went the wrong way, one step
   * back. The step is a TINYINT so that an integer type stays itself; a FLOAT becomes a DOUBLE and
   * a DECIMAL(p,s) a DECIMAL of scale 0 with room for the step. Below 2^53 the step is exact; above
   * it every DOUBLE is whole and round(x, 0) is x.
   */
  private static String integral(String arg, String step, String wrongWay) {
    String x = "(" + arg + ")";
    String r = "round(" + x + ", 0)";
    return "if("
        + r
        + " "
        + wrongWay
        + " "
        + x
        + ", "
        + r
        + " "
        + step
        + " CAST(1 AS TINYINT), "
        + r
        + ")";
  }

  /**
   * TRUNCATE(x, n): x cut toward zero to n decimal places (to the left of the point when n is
   * negative), of x's type. Exact types: Spark's scaled ceil for negatives, floor otherwise. DOUBLE
   * and FLOAT: round(d, n) rounds half up on the decimal digits Spark shows; where that moved away
   * from zero, one unit back and a second round give the truncated digits.
   */
  private static String truncate(String arg, String places) {
    String x = "(" + arg + ")";
    String n = "(" + places + ")";
    String d = "CAST(" + x + " AS DOUBLE)";
    String r = "round(" + d + ", " + n + ")";
    String approximate =
        "if(abs("
            + r
            + ") > abs("
            + d
            + "), round("
            + r
            + " - sign("
            + d
            + ") * power(10, -"
            + n
            + "), "
            + n
            + "), "
            + r
            + ")";
    String exact = "if(" + x + " < 0, ceil(" + x + ", " + n + "), floor(" + x + ", " + n + "))";
    // truncation never grows a value, so a DECIMAL keeps its own precision and scale
    String target =
        "if(typeof(" + x + ") LIKE 'decimal%', typeof(" + x + "), typeof(" + exact + "))";
    return sameType(x, approximate, exact, target);
  }

  /**
   * DIFFERENCE: how many of the four SOUNDEX characters agree, 0 (none) to 4 (same code), the
   * measure SQL Server and DB2 use. NULL if either string is NULL.
   */
  private static String difference(String a, String b) {
    List<String> terms = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      terms.add(
          "CAST(substr(soundex(("
              + a
              + ")), "
              + i
              + ", 1) = substr(soundex(("
              + b
              + ")), "
              + i
              + ", 1) AS INT)");
    }
    return "(" + String.join(" + ", terms) + ")";
  }

  /** Words that may appear in a constant seed besides numbers and markers: a CAST of one. */
  private static final Set<String> CONSTANT_WORDS =
      Set.of("CAST", "AS", "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "NULL");

  /**
   * RAND([seed]). Spark's rand takes only a constant seed; a column as seed has no Spark meaning
   * (no function draws a random number per row from a seed column), so it is refused.
   */
  private static String rand(List<String> args) throws SqlTranslationException {
    if (args.isEmpty()) {
      return "rand()";
    }
    String seed = args.get(0);
    for (SqlLexer.Token t : SqlLexer.tokens(seed, TranslationConfig.Quoting.BACK_TICK)) {
      boolean constant =
          t.isBlank()
              || t.kind() == SqlLexer.Kind.NUMBER
              || t.kind() == SqlLexer.Kind.MARKER
              || t.kind() == SqlLexer.Kind.SYMBOL && "()+-".indexOf(seed.charAt(t.start())) >= 0
              || t.kind() == SqlLexer.Kind.WORD && CONSTANT_WORDS.contains(t.keyword(seed));
      if (!constant) {
        throw refusal(
            "{fn RAND(seed)} with a seed that is not a constant: Spark's rand takes only a literal"
                + " seed, and no Spark function draws a random number per row from a seed column");
      }
    }
    return fill("rand($1)", args);
  }

  /** CURRENT_TIMESTAMP[(p)]: with p, the current timestamp cut to p fractional digits. */
  private static String currentTimestamp(List<String> args) throws SqlTranslationException {
    if (args.isEmpty()) {
      return "current_timestamp()";
    }
    int precision;
    try {
      precision = Integer.parseInt(args.get(0).trim());
    } catch (NumberFormatException e) {
      throw refusal("{fn CURRENT_TIMESTAMP(p)} takes an integer literal precision, not " + args);
    }
    if (precision < 0) {
      throw refusal("{fn CURRENT_TIMESTAMP(p)}: the precision cannot be negative");
    }
    if (precision >= 6) {
      return "current_timestamp()"; // Spark keeps microseconds
    }
    long unit = (long) Math.pow(10, 6 - precision);
    // pmod cuts toward the past before 1970 too, where div would cut toward 1970
    String micros = "unix_micros(current_timestamp())";
    return "timestamp_micros(" + micros + " - pmod(" + micros + ", " + unit + "))";
  }

  /**
   * POSITION(a IN b), which arrives as one argument: Spark's parser reads POSITION as locate, and
   * the function form spares other parsers reading "(a) IN (b)" as an IN predicate.
   */
  private static String position(String arg) throws SqlTranslationException {
    String[] parts = splitAtKeyword(arg, "IN");
    if (parts == null) {
      throw refusal("{fn POSITION} takes one argument of the form 'string1 IN string2'");
    }
    return "locate((" + parts[0] + "), (" + parts[1] + "))";
  }

  /** EXTRACT(field FROM source), which arrives as one argument. */
  private static String extract(String arg) throws SqlTranslationException {
    String[] parts = splitAtKeyword(arg, "FROM");
    if (parts == null || !parts[0].matches("[A-Za-z_]+")) {
      throw refusal("{fn EXTRACT} takes one argument of the form 'field FROM source'");
    }
    return "extract(" + parts[0].toUpperCase(Locale.ROOT) + " FROM (" + parts[1] + "))";
  }

  /**
   * The text before and after the first {@code keyword} outside parentheses, both trimmed and not
   * empty; null when there is none.
   */
  private static String[] splitAtKeyword(String text, String keyword) {
    int depth = 0;
    for (SqlLexer.Token t : SqlLexer.tokens(text, TranslationConfig.Quoting.BACK_TICK)) {
      if (t.isSymbol(text, '(')) {
        depth++;
      } else if (t.isSymbol(text, ')')) {
        depth--;
      } else if (depth == 0 && t.keyword(text).equals(keyword)) {
        String before = text.substring(0, t.start()).trim();
        String after = text.substring(t.end()).trim();
        return before.isEmpty() || after.isEmpty() ? null : new String[] {before, after};
      }
    }
    return null;
  }

  /** The ODBC interval keywords (SQL_TSI_ optional) as Spark's units; FRAC_SECOND aside. */
  private static String timestampUnit(String interval) throws SqlTranslationException {
    String name = interval.trim().toUpperCase(Locale.ROOT);
    if (name.startsWith("SQL_TSI_")) {
      name = name.substring("SQL_TSI_".length());
    }
    return switch (name) {
      case "FRAC_SECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR" ->
          name;
      default ->
          throw refusal(
              "{fn TIMESTAMPADD/TIMESTAMPDIFF}: unknown interval "
                  + interval
                  + " (SQL_TSI_FRAC_SECOND, SQL_TSI_SECOND … SQL_TSI_YEAR)");
    };
  }

  /**
   * TIMESTAMPADD(interval, count, ts). ODBC counts FRAC_SECOND in billionths of a second; Spark
   * keeps microseconds, so the count goes in as whole microseconds, cut toward zero.
   */
  private static String timestampAdd(List<String> args) throws SqlTranslationException {
    String unit = timestampUnit(args.get(0));
    if (unit.equals("FRAC_SECOND")) {
      return "timestampadd(MICROSECOND, div((" + args.get(1) + "), 1000), (" + args.get(2) + "))";
    }
    return "timestampadd(" + unit + ", (" + args.get(1) + "), (" + args.get(2) + "))";
  }

  /**
   * TIMESTAMPDIFF(interval, ts1, ts2): whole intervals by which ts2 exceeds ts1, a BIGINT;
   * FRAC_SECOND in billionths of a second, from Spark's microseconds.
   */
  private static String timestampDiff(List<String> args) throws SqlTranslationException {
    String unit = timestampUnit(args.get(0));
    String both = "(" + args.get(1) + "), (" + args.get(2) + ")";
    if (unit.equals("FRAC_SECOND")) {
      return "(timestampdiff(MICROSECOND, " + both + ") * 1000)";
    }
    return "timestampdiff(" + unit + ", " + both + ")";
  }

  /**
   * IFNULL(e, v): v converted to e's type when e is null. Spark's own ifnull would find a common
   * type instead, and under ANSI rules a string e with a numeric v casts e's strings to a number
   * and fails on the first non-numeric one. No SQL CAST can name a type known only to Spark's
   * analyzer, but variant_get takes its target type as a constant string, and typeof(e) is one once
   * Spark has resolved e: so v travels through a VARIANT and comes out as e's type (an impossible
   * conversion fails with INVALID_VARIANT_CAST). An untyped NULL e has no type to convert to
   * (typeof says void): then v keeps its own, and a NULL v as well is a NULL string.
   */
  private static String ifNull(String e, String v) {
    String te = "typeof((" + e + "))";
    String tv = "typeof((" + v + "))";
    return "coalesce(("
        + e
        + "), variant_get(CAST(("
        + v
        + ") AS VARIANT), '$', if("
        + te
        + " = 'void', if("
        + tv
        + " = 'void', 'string', "
        + tv
        + "), "
        + te
        + ")))";
  }

  /**
   * CONVERT(value, SQL_type): a JDBC type name ({@code SQL_} prefix optional, ODBC's {@code W…} for
   * the national character types) as the Spark type the type table chooses for it, e.g.
   * DECIMAL(38,18). TIME is Spark's TIME (which Spark 4.2 keeps behind spark.sql.timeType.enabled,
   * and refuses with UNSUPPORTED_TIME_TYPE without it).
   */
  private static String convert(String value, String type) throws SqlTranslationException {
    String name = type.trim().toUpperCase(Locale.ROOT);
    if (name.startsWith("SQL_")) {
      name = name.substring(4);
    }
    String jdbcName = name.startsWith("W") ? "N" + name.substring(1) : name;
    String spark = null;
    try {
      JDBCType jdbc = JDBCType.valueOf(jdbcName);
      if (jdbc == JDBCType.TIME) {
        spark = "TIME";
      } else if (!SparkType.valueDecides(jdbc.getVendorTypeNumber())) {
        spark =
            SparkType.forJdbc(jdbc.getVendorTypeNumber()).map(SparkTypeNames::sqlName).orElse(null);
      }
    } catch (IllegalArgumentException unknown) {
      // refused below
    }
    if (spark == null) {
      throw refusal("{fn CONVERT} to " + type.trim() + ": no Spark type stands for it");
    }
    return "CAST((" + value + ") AS " + spark + ")";
  }
}
