SELECT n.n_nationkey, s.s_suppkey
FROM (SELECT * FROM tpch.nation WHERE n_nationkey < 8) n
FULL OUTER JOIN (SELECT * FROM tpch.supplier WHERE s_suppkey < 30) s
  ON n.n_nationkey = s.s_nationkey
ORDER BY n.n_nationkey NULLS FIRST, s.s_suppkey NULLS FIRST
