WITH t(k, name) AS (SELECT n_nationkey, n_name FROM tpch.nation),
     u(k2) AS (SELECT k FROM t WHERE k > 20)
SELECT t.k, t.name FROM t JOIN u ON t.k = u.k2 ORDER BY t.k
