-- CUBE over a composite element and a single key, unaliased grouping functions
SELECT r_regionkey, n_regionkey, n_nationkey % 2, count(*), grouping_id()
FROM tpch.nation JOIN tpch.region ON n_regionkey = r_regionkey
GROUP BY CUBE ((r_regionkey, n_regionkey), n_nationkey % 2)
ORDER BY 5, 1, 2, 3
