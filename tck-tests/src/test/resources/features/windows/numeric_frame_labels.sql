-- unaliased windows with numeric frame offsets: Spark's labels
SELECT n_nationkey,
       sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING),
       count(*) OVER (ORDER BY n_nationkey RANGE BETWEEN 3 PRECEDING AND CURRENT ROW)
FROM tpch.nation
ORDER BY n_nationkey
