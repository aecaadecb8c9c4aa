SELECT n_nationkey, UPPER(n_comment) = n_comment AS was_upper, LOWER(n_name) AS lower_name,
       SUBSTRING(n_name FROM 2 FOR 3) AS sub_for, SUBSTRING(n_name FROM 3) AS sub_from,
       substring(n_name, 1, 2) AS sub_args, POSITION('A' IN n_name) AS pos_a,
       CHAR_LENGTH(n_name) AS len, CHARACTER_LENGTH(n_name) AS len2, n_name || '-' || n_regionkey AS tagged,
       OVERLAY(n_name PLACING '**' FROM 2 FOR 2) AS o, left(n_name, 2) AS l, right(n_name, 2) AS r,
       octet_length(n_name) AS ol, n_name || NULL AS concat_null,
       TRIM(LEADING 'A' FROM n_name) AS leading_a, TRIM(TRAILING 'A' FROM n_name) AS trailing_a,
       TRIM(BOTH 'A' FROM n_name) AS both_a, TRIM('  ' || n_name || '  ') AS plain_trim,
       TRIM(LEADING FROM '  ' || n_name) AS leading_space, ltrim('  l') AS l2, rtrim('r  ') AS r2
FROM tpch.nation ORDER BY n_nationkey
