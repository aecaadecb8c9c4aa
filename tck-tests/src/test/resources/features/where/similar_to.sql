-- SIMILAR TO: whole-value match, % and _, alternation and groups, regex characters taken
-- literally, an ESCAPE character, NOT, NULL
SELECT n_name,
       n_name SIMILAR TO '%(AN|IA)' AS ends_an_ia,
       n_name SIMILAR TO 'A_%' AS starts_a,
       n_name NOT SIMILAR TO '[A-F]%' AS not_a_to_f,
       n_name SIMILAR TO 'CHIN.' AS literal_dot,
       'a.c' SIMILAR TO 'a.c' AS dot_itself,
       '50%' SIMILAR TO '50#%' ESCAPE '#' AS escaped_percent,
       'ab' SIMILAR TO '(a|b)+' AS repeated,
       CAST(NULL AS STRING) SIMILAR TO '%' AS null_value
FROM tpch.nation
ORDER BY n_name
