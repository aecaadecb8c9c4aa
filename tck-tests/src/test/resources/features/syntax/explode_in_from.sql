-- explode as a table function, with column aliases
SELECT t.c, t.c + 1 AS following_value FROM explode(array(10, 20, 30)) AS t(c) ORDER BY t.c
