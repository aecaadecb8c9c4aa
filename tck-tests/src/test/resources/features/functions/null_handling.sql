SELECT n_nationkey, COALESCE(nullif(n_regionkey, 1), -1) AS coalesced, NULLIF(n_regionkey, 2) AS nulled,
       coalesce(NULL, NULL, n_name) AS first_non_null, ifnull(NULL, 'x') AS ifn, nvl(nullif(1, 1), 0) AS nvl0
FROM tpch.nation ORDER BY n_nationkey
