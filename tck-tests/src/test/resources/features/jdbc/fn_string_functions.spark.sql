SELECT upper(n_name) AS u, lower(n_name) AS l, length(n_name) AS len,
       substring(n_name, 1, 3) AS sub, concat(n_name, '!') AS c, locate('A', n_name) AS loc,
       ltrim('  x') AS lt, replace(n_name, 'A', 'a') AS rep, upper(lower(n_name)) AS nested,
       left(n_name, 2) AS lft, right(n_name, 2) AS rgt, rtrim('x  ') AS rt, repeat('ab', 2) AS rp,
       space(2) AS sp, char(65) AS ch, soundex(n_name) AS sx, octet_length(n_name) AS ol,
       char_length(n_name) AS cl
FROM tpch.nation ORDER BY n_nationkey
