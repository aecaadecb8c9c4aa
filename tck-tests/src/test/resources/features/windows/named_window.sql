-- named windows; Spark's parser rejects a window that refines a named one (w ORDER BY …):
-- the twin spells that one out
SELECT n_regionkey AS r, n_nationkey AS k, count(*) OVER w AS per_region, rank() OVER (w ORDER BY n_name DESC) AS rnk,
       row_number() OVER o AS rn, sum(n_nationkey) OVER o AS running
FROM tpch.nation
WINDOW w AS (PARTITION BY n_regionkey), o AS (PARTITION BY n_regionkey ORDER BY n_nationkey)
ORDER BY n_regionkey, n_nationkey
