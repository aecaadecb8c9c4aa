SELECT array(1, 2)[0] AS first, map('a', 1)['a'] AS a, map('a', 1)['b'] AS missing,
       array(array(1, 2), array(3))[1][0] AS nested, map(1, 'one', 2, 'two')[2] AS by_int_key,
       t.s.y AS struct_field
FROM (SELECT named_struct('x', 5, 'y', 6) AS s) t
