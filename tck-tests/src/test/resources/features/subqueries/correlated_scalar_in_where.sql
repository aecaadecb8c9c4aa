SELECT p_partkey, ps_suppkey, ps_supplycost FROM tpch.part JOIN tpch.partsupp ON p_partkey = ps_partkey
WHERE p_partkey < 20
  AND ps_supplycost = (SELECT min(ps2.ps_supplycost) FROM tpch.partsupp ps2 WHERE ps2.ps_partkey = p_partkey)
ORDER BY p_partkey, ps_suppkey
