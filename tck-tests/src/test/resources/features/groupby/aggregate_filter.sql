-- aggregate FILTER (WHERE …) on null-ignoring aggregates, in SELECT and HAVING
SELECT n_regionkey,
       count(*) FILTER (WHERE n_nationkey > 10) AS c,
       sum(n_nationkey) FILTER (WHERE n_name LIKE 'A%') AS s,
       count(DISTINCT n_name) FILTER (WHERE n_nationkey % 2 = 0) AS d,
       max(n_name) FILTER (WHERE n_nationkey < 0) AS none
FROM tpch.nation
GROUP BY n_regionkey
HAVING count(*) FILTER (WHERE n_nationkey > 5) > 2
ORDER BY n_regionkey
