-- Spark's backslash escapes in strings, including an escaped backslash before the closing quote
SELECT 'tab\tend' AS t, 'line\nnext' AS n, 'back\\' AS b, 'q\'\'q' AS q, 'oct\101' AS o,
       'uni\u0041' AS u, 'keep\%' AS k, length('a\\b') AS len
