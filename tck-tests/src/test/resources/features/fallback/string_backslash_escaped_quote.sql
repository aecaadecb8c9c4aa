-- Spark's parser reads a backslash-quote inside a string as a quote
SELECT 'it\'s' AS escaped_quote
