SELECT l_orderkey, l_linenumber, l_extendedprice * (1 - l_discount) AS disc_price,
       l_extendedprice * (1 - l_discount) * (1 + l_tax) AS charge, l_quantity / 3 AS third,
       l_extendedprice + l_tax AS plus, l_quantity * l_quantity AS squared, -l_tax AS negated,
       CAST(l_quantity AS DECIMAL(38,0)) * 99999999999999999999999999999999999 AS huge
FROM tpch.lineitem
WHERE l_orderkey <= 7
ORDER BY l_orderkey, l_linenumber
