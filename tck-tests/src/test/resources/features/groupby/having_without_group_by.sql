SELECT count(*) AS n FROM tpch.region HAVING count(*) > 1
