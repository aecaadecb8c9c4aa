SELECT ALL sum(n_nationkey) * 2 + count(*) AS mixed, max(n_nationkey) - min(n_nationkey) AS spread,
       max(n_name) AS last_name, count(ALL n_comment) AS comments
FROM tpch.nation GROUP BY n_regionkey ORDER BY mixed
