SELECT n_nationkey, n_name, n_nationkey IN (1, NULL) AS in_null, n_nationkey NOT IN (1, NULL) AS not_in_null
FROM tpch.nation
WHERE (n_name IN ('FRANCE', 'GERMANY', 'JAPAN') OR n_nationkey IN (1, 2)) AND n_regionkey NOT IN (4)
ORDER BY n_nationkey
