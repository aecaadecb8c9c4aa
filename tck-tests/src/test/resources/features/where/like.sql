SELECT p_partkey, p_name, p_type LIKE '%!_%' ESCAPE '!' AS has_underscore FROM tpch.part
WHERE p_name LIKE 'b%' AND p_name NOT LIKE '%green%' AND p_type LIKE '_ROMO%'
ORDER BY p_partkey
