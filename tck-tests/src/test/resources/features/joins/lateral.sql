-- LATERAL subqueries naming the left side's columns: comma, JOIN … ON, LEFT JOIN
SELECT n.n_name, r.r_name, c.cnt, l.n2
FROM tpch.nation n,
     LATERAL (SELECT r_name FROM tpch.region WHERE r_regionkey = n.n_regionkey) r
     JOIN LATERAL (SELECT count(*) AS cnt FROM tpch.customer WHERE c_nationkey = n.n_nationkey) c
       ON c.cnt > 0
     LEFT JOIN LATERAL (SELECT n2.n_name AS n2 FROM tpch.nation n2
                        WHERE n2.n_nationkey = n.n_nationkey + 100) l ON true
ORDER BY n.n_name
