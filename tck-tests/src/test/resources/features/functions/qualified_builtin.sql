-- a built-in function called by its qualified name
SELECT n_nationkey, system.builtin.abs(n_nationkey - 10) AS a, builtin.upper(n_name) AS u
FROM tpch.nation ORDER BY n_nationkey
