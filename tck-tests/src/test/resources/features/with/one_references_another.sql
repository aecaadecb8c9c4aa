WITH r AS (SELECT r_regionkey, r_name FROM tpch.region WHERE r_name LIKE 'A%'),
     n AS (SELECT n_nationkey, n_name, r_name FROM tpch.nation JOIN r ON n_regionkey = r_regionkey),
     s AS (SELECT n_name, count(*) AS suppliers FROM tpch.supplier JOIN n ON s_nationkey = n_nationkey GROUP BY n_name)
SELECT * FROM s ORDER BY n_name
