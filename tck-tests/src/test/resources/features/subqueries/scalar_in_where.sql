-- scalar subqueries in SELECT, WHERE and HAVING
SELECT o_custkey, sum(o_totalprice) AS total, (SELECT max(r_regionkey) FROM tpch.region) AS max_region
FROM tpch.orders
WHERE o_totalprice > (SELECT avg(o_totalprice) FROM tpch.orders)
GROUP BY o_custkey
HAVING sum(o_totalprice) > (SELECT sum(o_totalprice) / 1000 FROM tpch.orders)
ORDER BY o_custkey
