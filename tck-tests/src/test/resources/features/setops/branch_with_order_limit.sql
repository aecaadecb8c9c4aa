SELECT k % 2 AS parity, count(*) AS n, max(k) AS top
FROM ((SELECT n_nationkey AS k FROM tpch.nation ORDER BY n_nationkey DESC LIMIT 3)
      UNION ALL
      (SELECT r_regionkey FROM tpch.region ORDER BY r_regionkey LIMIT 2)) t
GROUP BY k % 2
ORDER BY parity
