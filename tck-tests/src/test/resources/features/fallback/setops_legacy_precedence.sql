-- set: spark.sql.legacy.setopsPrecedence.enabled=true
-- the session reads set operators left to right (INTERSECT no tighter): that goes as text
SELECT n_regionkey AS k FROM tpch.nation EXCEPT SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 2
