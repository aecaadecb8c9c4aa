SELECT n_nationkey, n_name FROM tpch.nation
WHERE (n_regionkey = 1 OR n_regionkey = 3) AND NOT n_nationkey > 20 AND n_nationkey >= 1
  AND n_nationkey < 24 AND n_nationkey <= 23 AND n_nationkey <> 5 AND n_nationkey != 6
  AND n_nationkey BETWEEN 0 AND 22 AND n_nationkey NOT BETWEEN 10 AND 11
   OR n_name = 'CHINA'
ORDER BY n_nationkey
