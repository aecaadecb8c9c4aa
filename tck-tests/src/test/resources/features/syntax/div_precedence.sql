-- DIV binds like * and /: a + b DIV c is a + (b DIV c), a DIV b * c is (a DIV b) * c
SELECT n_nationkey, n_nationkey + n_regionkey DIV 2 AS p, n_nationkey DIV 4 * 3 AS q,
       -n_nationkey DIV 3 AS neg, 7.5 DIV 2 AS dec
FROM tpch.nation ORDER BY n_nationkey
