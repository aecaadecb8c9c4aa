<#--
  Spark SQL productions added to Calcite's grammar (the template is Calcite's Parser.jj; see
  ../config.fmpp for where each production is hooked in). Spark's own grammar is ANTLR's
  SqlBaseParser.g4; the rule each production follows is named in its comment.
-->

/** Spark's joinType: [LEFT] SEMI JOIN and [LEFT] ANTI JOIN. */
JoinType LeftSemiOrAntiJoin() :
{
}
{
    [ <LEFT> ]
    (
        <SEMI> <JOIN> { return JoinType.LEFT_SEMI_JOIN; }
    |
        <ANTI> <JOIN> { return JoinType.LEFT_ANTI_JOIN; }
    )
}

/** {@code expr::type}, Spark's (and PostgreSQL's) shorthand for CAST. */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec dt;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    dt = DataType() {
        list.add(
            new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST,
                s.pos()));
        list.add(dt);
    }
}

/** {@code a <=> b}, Spark's null-safe equality. */
void NullSafeEqual(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <NULL_SAFE_EQUAL> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.NULL_SAFE_EQUAL, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * {@code a DIV b}, Spark's integral division (operatorExpression's DIV, at the precedence of
 * {@code *}, {@code /} and {@code %}: the operator's precedence orders it among the others).
 */
void IntegerDivide(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <DIV> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(SparkSqlNodes.DIV, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * Spark's string literals that Calcite's lexer has no token for (SqlBaseLexer's STRING_LITERAL
 * and DOUBLEQUOTED_STRING). Defined before Calcite's own tokens, so that on a tie they win.
 * SPARK_ESCAPED_STRING needs a backslash: a quoted string without one stays Calcite's
 * QUOTED_STRING, which DATE '…', INTERVAL '…' and the other typed literals expect. Its value keeps
 * the escapes; the translator resolves them as Spark does (SparkStrings).
 */
<DEFAULT, DQID, BTID> TOKEN :
{
    < SPARK_ESCAPED_STRING:
        "'" ( (~["'", "\\"]) | "''" )* "\\" ~[] ( (~["'", "\\"]) | ("\\" ~[]) | "''" )* "'" >
|
    < SPARK_RAW_STRING: ["r", "R"] ( "'" (~["'"])* "'" | "\"" (~["\""])* "\"" ) >
}

/** With back-tick identifiers (Spark's default) a double-quoted run is a string too. */
<BTID> TOKEN :
{
    < SPARK_DOUBLE_QUOTED_STRING: "\"" ( (~["\"", "\\"]) | ("\\" ~[]) )* "\"" >
}

/** A Spark string literal Calcite's StringLiteral() does not read; see the tokens above. */
SqlNode SparkStringLiteral() :
{
    final String image;
}
{
    <SPARK_ESCAPED_STRING> {
        image = token.image;
        return SqlLiteral.createCharString(
            image.substring(1, image.length() - 1).replace("''", "'"), getPos());
    }
|
    <SPARK_DOUBLE_QUOTED_STRING> {
        image = token.image;
        return SqlLiteral.createCharString(
            image.substring(1, image.length() - 1), getPos());
    }
|
    <SPARK_RAW_STRING> {
        // No escapes inside: each backslash is doubled so that the translator's unescaping
        // gives the text back as written.
        image = token.image;
        return SqlLiteral.createCharString(
            image.substring(2, image.length() - 1).replace("\\", "\\\\"), getPos());
    }
}

/**
 * {@code any(x)}, Spark's aggregate (the same as bool_or). ANY is reserved in Calcite for
 * {@code = ANY (subquery)}, which is parsed after an operator, never where a call starts.
 */
SqlNode AnyAggregateCall() :
{
    final Span s;
    final List<SqlNode> args;
    final SqlLiteral quantifier;
}
{
    <ANY> { s = span(); }
    args = FunctionParameterList(ExprContext.ACCEPT_SUB_QUERY) {
        quantifier = (SqlLiteral) args.get(0);
        args.remove(0);
        return createCall(new SqlIdentifier("any", s.pos()), s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, quantifier, args);
    }
}

/**
 * {@code FROM range(…)}: Spark's table-valued function is called without TABLE(…), which Calcite
 * reads for any function name except RANGE, a keyword it keeps reserved for window frames.
 * Hooked into TableRef3 by the build (see the pom).
 */
SqlNode SparkRangeTableFunction() :
{
    final SqlIdentifier name;
    final SqlNode call;
}
{
    <RANGE> { name = new SqlIdentifier("range", getPos()); }
    call = ImplicitTableFunctionCallArgs(name) { return call; }
}




/**
 * {@code TIMESTAMP_NTZ '…'} and {@code TIMESTAMP_LTZ '…'}, Spark's typed literals (literalType
 * stringLit), left unresolved like Calcite's DATE '…': the translator resolves them by tag.
 */
SqlNode SparkTimestampLiteral() :
{
    final String tag;
    final Span s;
}
{
    (
        <TIMESTAMP_NTZ> { tag = "TIMESTAMP_NTZ"; }
    |
        <TIMESTAMP_LTZ> { tag = "TIMESTAMP_LTZ"; }
    )
    { s = span(); }
    <QUOTED_STRING> {
        return SqlLiteral.createUnknown(tag, SqlParserUtil.parseString(token.image),
            s.end(this));
    }
}

/**
 * The parenthesis after TABLESAMPLE in Spark's forms (sampleMethod, and REPEATABLE (seed)):
 * {@code [-]n PERCENT}, {@code n ROWS}, {@code BUCKET x OUT OF y}. Each number is kept as
 * written; the translator computes the fraction as Spark's parser does. Hooked into Tablesample
 * by the build (see the pom).
 */
SqlNode SparkSample(SqlNode tableRef, Span s) :
{
    final String method;
    boolean negative = false;
    final SqlNode first;
    SqlNode second = null;
    SqlNode seed = null;
}
{
    <LPAREN>
    (
        LOOKAHEAD(3)
        [ <MINUS> { negative = true; } ]
        first = UnsignedNumericLiteral() <PERCENT> { method = negative ? "-PERCENT" : "PERCENT"; }
    |
        first = UnsignedNumericLiteral() <ROWS> { method = "ROWS"; }
    |
        <BUCKET> first = UnsignedNumericLiteral()
        <OUT> <OF> second = UnsignedNumericLiteral() { method = "BUCKET"; }
    )
    <RPAREN>
    [
        <REPEATABLE> <LPAREN> seed = UnsignedNumericLiteral() <RPAREN>
    ]
    {
        final SqlParserPos pos = s.end(this);
        return SparkSqlNodes.SAMPLE.createCall(pos, tableRef,
            SqlLiteral.createCharString(method, pos), first,
            second == null ? SqlLiteral.createNull(pos) : second,
            seed == null ? SqlLiteral.createNull(pos) : seed);
    }
}
