SELECT n_regionkey AS r, n_nationkey AS k, count(*) OVER (PARTITION BY n_regionkey) AS per_region,
       rank() OVER (PARTITION BY n_regionkey ORDER BY n_name DESC) AS rnk,
       row_number() OVER o AS rn, sum(n_nationkey) OVER o AS running
FROM tpch.nation
WINDOW o AS (PARTITION BY n_regionkey ORDER BY n_nationkey)
ORDER BY n_regionkey, n_nationkey
