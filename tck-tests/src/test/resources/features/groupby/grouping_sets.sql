-- GROUPING SETS with the empty set, and grouping_id() over them
SELECT n_regionkey, n_nationkey % 2 AS parity, count(*) AS c, grouping_id() AS g
FROM tpch.nation
GROUP BY GROUPING SETS ((n_regionkey), (n_nationkey % 2), ())
ORDER BY g, n_regionkey, parity
