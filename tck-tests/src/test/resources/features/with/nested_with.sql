WITH region AS (
  WITH inner_cte AS (SELECT r_regionkey * 10 AS k10, r_name FROM tpch.region)
  SELECT k10, r_name FROM inner_cte WHERE k10 > 10)
SELECT k10, r_name FROM region ORDER BY k10
