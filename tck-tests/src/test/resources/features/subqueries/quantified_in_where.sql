-- quantified comparisons as filters, correlated with the outer row
SELECT n_name FROM tpch.nation n
WHERE n.n_nationkey > ALL (SELECT c_nationkey FROM tpch.customer c WHERE c.c_nationkey < n.n_regionkey)
  AND n.n_regionkey = ANY (SELECT r_regionkey FROM tpch.region WHERE r_name LIKE 'A%')
ORDER BY n_name
