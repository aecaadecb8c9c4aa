SELECT n_regionkey, sort_array(collect_set(n_nationkey)) AS nations, array(n_regionkey, 0) AS pair,
       max(split(n_comment, ' ')[1]) AS second_word, max(map(n_name, n_nationkey)[n_name]) AS by_key,
       max(array(n_name, 'x')[1]) AS x
FROM tpch.nation GROUP BY n_regionkey ORDER BY n_regionkey
