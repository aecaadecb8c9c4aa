SELECT n_nationkey BETWEEN 1 AND 3, n_name LIKE 'A%', n_nationkey IN (1, 2), n_comment IS NULL,
       n_nationkey <> 1, n_nationkey >= 2 AND n_regionkey < 3, n_name IS NOT DISTINCT FROM 'PERU'
FROM tpch.nation ORDER BY n_nationkey
