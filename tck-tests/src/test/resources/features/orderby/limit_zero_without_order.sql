SELECT * FROM tpch.nation LIMIT 0
