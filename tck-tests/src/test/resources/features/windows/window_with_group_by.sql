SELECT o_orderpriority, count(*) AS n, rank() OVER (ORDER BY count(*) DESC) AS rnk,
       sum(count(*)) OVER () AS total
FROM tpch.orders GROUP BY o_orderpriority ORDER BY o_orderpriority
