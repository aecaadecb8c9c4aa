SELECT n_name FROM tpch.nation n
WHERE NOT EXISTS (SELECT 1 FROM tpch.customer c WHERE c.c_nationkey < n.n_regionkey
                  AND NOT (n.n_nationkey > c.c_nationkey))
  AND n_regionkey IN (SELECT r_regionkey FROM tpch.region WHERE r_name LIKE 'A%')
ORDER BY n_name
