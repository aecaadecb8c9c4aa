-- Spark's parser reads backslash escapes inside string literals
SELECT 'a\tb' AS tab, char_length('a\tb') AS tab_length, 'c:\\dir' AS backslash,
       'line\nbreak' AS newline, '\u0041' AS unicode_escape, 'a\_b' AS like_escape_kept, 'q\"' AS escaped_double_quote
