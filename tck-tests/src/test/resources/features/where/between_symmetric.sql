-- BETWEEN SYMMETRIC: the bounds in either order
SELECT n_nationkey,
       n_nationkey BETWEEN SYMMETRIC 10 AND 5 AS sym,
       n_nationkey NOT BETWEEN SYMMETRIC 20 AND 15 AS not_sym,
       CAST(NULL AS INT) BETWEEN SYMMETRIC 1 AND 2 AS null_value
FROM tpch.nation
WHERE n_nationkey BETWEEN SYMMETRIC 22 AND 3
ORDER BY n_nationkey
