SELECT n_nationkey,
       n_nationkey >= 5 AND n_nationkey <= 10 AS sym,
       NOT (n_nationkey >= 15 AND n_nationkey <= 20) AS not_sym,
       CAST(NULL AS BOOLEAN) AS null_value
FROM tpch.nation
WHERE n_nationkey >= 3 AND n_nationkey <= 22
ORDER BY n_nationkey
