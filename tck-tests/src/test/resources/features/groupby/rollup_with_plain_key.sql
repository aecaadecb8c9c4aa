-- a plain key next to ROLLUP: the grouping sets (a, b), (a); grouping() of each key
SELECT n_regionkey, n_nationkey % 3 AS m, count(*) AS c, grouping(n_regionkey) AS gr,
       grouping_id() AS g
FROM tpch.nation
GROUP BY n_regionkey, ROLLUP (n_nationkey % 3)
ORDER BY n_regionkey, g, m
