SELECT upper(n_name), substring(n_name, 1, 2), coalesce(n_comment, ''), abs(n_nationkey - 10), round(n_nationkey / 3, 1),
       EXTRACT(YEAR FROM DATE '2024-05-01'), n_name || '!', TRIM(LEADING 'A' FROM n_name), POSITION('A' IN n_name)
FROM tpch.nation ORDER BY n_nationkey
