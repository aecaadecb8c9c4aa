SELECT 'it''s' AS quote, '' AS empty, 'say "hi"' AS double_quotes, 'x' || 'y' AS concatenated,
       char_length('it''s') AS quote_length, 'ünïcødé ✓' AS unicode, '--not a comment' AS dashes,
       '/* nor this */' AS slashes, '{fn UCASE(x)}' AS escape_lookalike, 'a' || 1 AS string_and_int
