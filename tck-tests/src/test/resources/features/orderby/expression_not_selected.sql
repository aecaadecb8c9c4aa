-- ordinals, and expressions and columns that are not in the SELECT list
SELECT n_name, n_regionkey FROM tpch.nation ORDER BY 2 DESC, length(n_comment) % 3, n_nationkey
