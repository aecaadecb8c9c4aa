-- TPC-DS q41's shape: SELECT DISTINCT over a filter with a correlated count(*) subquery
SELECT DISTINCT n1.n_regionkey
FROM tpch.nation n1
WHERE (SELECT count(*) FROM tpch.nation n2
       WHERE (n2.n_regionkey = n1.n_regionkey AND n2.n_name LIKE 'A%')
          OR (n2.n_regionkey = n1.n_regionkey AND n2.n_name LIKE 'B%')) > 0
ORDER BY n1.n_regionkey
