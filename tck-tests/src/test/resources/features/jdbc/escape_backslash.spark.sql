SELECT count(*) AS n FROM tpch.part WHERE p_comment LIKE '%#_%' ESCAPE '#' OR p_name LIKE 'blue%'
