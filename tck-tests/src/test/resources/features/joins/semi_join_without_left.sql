-- SEMI JOIN without LEFT is Spark's left semi join (SEMI is no table alias)
SELECT n.n_name FROM tpch.nation n SEMI JOIN tpch.region r
  ON n.n_regionkey = r.r_regionkey AND r.r_name = 'ASIA'
