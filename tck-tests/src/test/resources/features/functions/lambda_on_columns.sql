SELECT n_nationkey, transform(array(n_nationkey, n_regionkey), v -> v + n_regionkey) AS plus_region,
       filter(split(n_comment, ' '), w -> length(w) > 10) AS long_words
FROM tpch.nation ORDER BY n_nationkey
