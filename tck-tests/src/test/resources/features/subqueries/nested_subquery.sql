SELECT p_partkey FROM tpch.part
WHERE p_partkey IN (
  SELECT ps_partkey FROM tpch.partsupp
  WHERE ps_suppkey IN (SELECT s_suppkey FROM tpch.supplier
                       WHERE s_nationkey = (SELECT n_nationkey FROM tpch.nation WHERE n_name = 'CANADA')))
  AND p_size < 5
ORDER BY p_partkey
