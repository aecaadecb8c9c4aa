SELECT {fn UCASE(n_name)} AS u, {fn LCASE(n_name)} AS l, {fn LENGTH(n_name)} AS len,
       {fn SUBSTRING(n_name, 1, 3)} AS sub, {fn CONCAT(n_name, '!')} AS c, {fn LOCATE('A', n_name)} AS loc,
       {fn LTRIM('  x')} AS lt, {fn REPLACE(n_name, 'A', 'a')} AS rep, {fn UCASE({fn LCASE(n_name)})} AS nested,
       {fn LEFT(n_name, 2)} AS lft, {fn RIGHT(n_name, 2)} AS rgt, {fn RTRIM('x  ')} AS rt, {fn REPEAT('ab', 2)} AS rp,
       {fn SPACE(2)} AS sp, {fn CHAR(65)} AS ch, {fn SOUNDEX(n_name)} AS sx, {fn OCTET_LENGTH(n_name)} AS ol,
       {fn CHAR_LENGTH(n_name)} AS cl
FROM tpch.nation ORDER BY n_nationkey
