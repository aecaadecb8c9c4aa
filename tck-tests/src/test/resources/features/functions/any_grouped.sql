-- any(boolean) per group, beside its synonyms
SELECT n_regionkey, any(n_nationkey > 20) AS a, some(n_nationkey > 20) AS s,
       bool_or(n_nationkey > 20) AS b
FROM tpch.nation GROUP BY n_regionkey ORDER BY n_regionkey
