-- the most common JDBC escape character
SELECT count(*) AS n FROM tpch.part WHERE p_comment LIKE '%\_%' {escape '\'} OR p_name LIKE 'blue%'
