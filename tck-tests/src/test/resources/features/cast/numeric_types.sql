SELECT CAST(l_quantity AS INT) AS i, CAST(l_orderkey AS BIGINT) AS b, CAST(l_extendedprice AS DECIMAL(20,4)) AS d,
       CAST(l_discount AS DOUBLE) AS f, CAST(l_tax AS DECIMAL(5,1)) AS rounded, CAST(l_linenumber AS INTEGER) AS ln,
       CAST('12' AS INT) + 1 AS parsed
FROM tpch.lineitem WHERE l_orderkey <= 3 ORDER BY l_orderkey, l_linenumber
