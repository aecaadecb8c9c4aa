SELECT p_partkey AS k, p_type LIKE '%!_%' ESCAPE '!' AS underscore, p_name LIKE 'b%' ESCAPE '!' AS b
FROM tpch.part WHERE p_partkey <= 5 ORDER BY p_partkey
