-- a join hint on the SELECT (Spark's Hint relation); the answer is the same with or without it
SELECT /*+ BROADCAST(r) */ n.n_name, r.r_name
FROM tpch.nation n JOIN tpch.region r ON n.n_regionkey = r.r_regionkey
