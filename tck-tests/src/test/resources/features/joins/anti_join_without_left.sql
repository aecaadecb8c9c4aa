-- ANTI JOIN without LEFT is Spark's left anti join
SELECT n.n_name FROM tpch.nation n ANTI JOIN tpch.region r
  ON n.n_regionkey = r.r_regionkey AND r.r_name <> 'ASIA'
