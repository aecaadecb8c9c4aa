SELECT n_nationkey, n_name ILIKE 'a%' AS starts_with_a, n_name NOT ILIKE '%an%' AS no_an
FROM tpch.nation ORDER BY n_nationkey
