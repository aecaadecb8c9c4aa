SELECT count(*), count(l_orderkey), sum(l_quantity), min(l_shipdate), max(l_shipdate), avg(l_discount),
       min(l_comment), max(l_extendedprice), round(stddev_samp(l_quantity), 6), round(var_samp(l_quantity), 6),
       median(l_quantity), count_if(l_quantity > 49), every(l_quantity > 0), some(l_quantity > 49),
       bool_or(l_quantity > 49), bool_and(l_quantity > 1)
FROM tpch.lineitem
