SELECT n_name AS name FROM tpch.nation ORDER BY n_name LIMIT 1
