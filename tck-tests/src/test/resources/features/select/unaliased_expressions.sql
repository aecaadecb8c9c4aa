-- Spark's labels for unaliased expressions: the translated plan must give the same
SELECT n_nationkey * 2, n_name, upper(n_name), n_regionkey + n_nationkey, n_nationkey / 4,
       n_nationkey % 7, n_nationkey - 1, CAST(n_nationkey AS STRING), CAST(n_regionkey AS DOUBLE),
       CAST(n_nationkey AS DECIMAL(10,2)), n_nationkey = 3, NOT (n_regionkey > 2),
       CASE WHEN n_regionkey = 1 THEN 'one' ELSE 'other' END, CASE n_regionkey WHEN 2 THEN 'two' ELSE 'x' END,
       concat(n_name, '/', n_regionkey), replace(n_name, 'A', '_'), lpad(CAST(n_nationkey AS STRING), 3, '0')
FROM tpch.nation
ORDER BY n_nationkey
