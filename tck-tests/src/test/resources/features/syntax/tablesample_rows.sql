-- TABLESAMPLE (n ROWS) is a limit
SELECT count(*) AS c FROM tpch.nation TABLESAMPLE (5 ROWS)
