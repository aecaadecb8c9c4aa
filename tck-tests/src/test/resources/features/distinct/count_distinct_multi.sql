SELECT count(DISTINCT l_suppkey) AS suppliers, sum(DISTINCT l_quantity) AS distinct_qty,
       count(DISTINCT l_returnflag, l_linestatus) AS pairs, avg(DISTINCT l_discount) AS avg_disc
FROM tpch.lineitem
