SELECT l_orderkey, l_linenumber, ABS(-l_quantity) AS a, ROUND(l_extendedprice / 7, 2) AS r2,
       ROUND(l_extendedprice) AS r0, FLOOR(l_extendedprice / 7) AS f, CEIL(l_extendedprice / 7) AS c,
       MOD(l_orderkey, 5) AS m, l_orderkey % 5 AS pct, power(2, l_linenumber) AS p, sqrt(16) AS sq,
       sign(-l_tax) AS sg, greatest(l_linenumber, 3) AS g, least(l_linenumber, 3) AS lst
FROM tpch.lineitem WHERE l_orderkey < 6 ORDER BY l_orderkey, l_linenumber
