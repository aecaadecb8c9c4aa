-- nested derived tables, column aliases on a derived table, unqualified columns
SELECT d.a + d.b AS s, d.a, name
FROM (SELECT t.k, t.rk, t.n AS name
      FROM (SELECT n_nationkey AS k, n_regionkey AS rk, n_name AS n FROM tpch.nation) t
      WHERE t.rk > 0) AS d(a, b, name)
ORDER BY d.a
