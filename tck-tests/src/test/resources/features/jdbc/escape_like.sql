SELECT p_partkey AS k, p_type LIKE '%!_%' {escape '!'} AS underscore, p_name LIKE 'b%' {escape '!'} AS b
FROM tpch.part WHERE p_partkey <= 5 ORDER BY p_partkey
