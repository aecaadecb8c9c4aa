SELECT n.n_nationkey, s.s_suppkey IS NULL AS no_rich_supplier, n.n_name IS NOT NULL AS named
FROM tpch.nation n LEFT JOIN (SELECT * FROM tpch.supplier WHERE s_acctbal > 5000) s ON n.n_nationkey = s.s_nationkey
WHERE s.s_suppkey IS NULL AND n.n_comment IS NOT NULL
ORDER BY n.n_nationkey
