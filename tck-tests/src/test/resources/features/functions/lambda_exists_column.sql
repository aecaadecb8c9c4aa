-- exists(array, lambda) over a column, and an EXISTS subquery in the same statement
SELECT n_nationkey, exists(array(n_nationkey, n_regionkey), x -> x > 3) AS e
FROM tpch.nation n
WHERE EXISTS (SELECT 1 FROM tpch.region r WHERE r.r_regionkey = n.n_regionkey)
ORDER BY n_nationkey
