-- a backslash-quote inside a string is a quote to Spark's lexer, and to the Spark grammar
SELECT 'it\'s' AS escaped_quote
