-- HAVING with an aggregate that is not selected, ORDER BY a grouping key that is not selected
SELECT sum(n_nationkey) AS s
FROM tpch.nation
GROUP BY n_regionkey
HAVING count(*) > 4
ORDER BY n_regionkey DESC
