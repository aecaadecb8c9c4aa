SELECT n_name AS name FROM tpch.nation ORDER BY n_name FETCH FIRST 1 ROW ONLY
