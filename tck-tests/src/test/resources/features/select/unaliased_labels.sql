-- labels Spark gives unaliased expressions: unary minus, TIMESTAMP literals, extract fields as written
SELECT -n_nationkey, -nation.n_regionkey, +n_nationkey, TIMESTAMP '2020-01-01 10:00:00',
       TIMESTAMP '2020-01-01 10:00:00.123', extract(year FROM DATE '2020-01-01'),
       extract(Month FROM DATE '2020-01-01'), n_nationkey % 7, n_name || '!', n_nationkey / 2,
       CASE WHEN n_nationkey > 3 THEN 'a' END, n_nationkey IN (1, 2), NOT n_nationkey = 1
FROM tpch.nation
ORDER BY n_nationkey
