SELECT 'semi' AS kind, n_nationkey FROM tpch.nation LEFT SEMI JOIN tpch.supplier ON n_nationkey = s_nationkey AND s_acctbal > 9000
UNION ALL
SELECT 'anti', n_nationkey FROM tpch.nation LEFT ANTI JOIN tpch.supplier ON n_nationkey = s_nationkey AND s_suppkey < 30
ORDER BY kind, n_nationkey
