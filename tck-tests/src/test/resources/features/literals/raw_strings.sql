-- raw strings keep backslashes as written; ordinary strings read Spark's escapes
SELECT n_name, r'a\tb' AS raw1, R"c:\dir\n" AS raw2, 'a\tb' AS escaped, length(r'\\') AS two
FROM tpch.nation WHERE n_nationkey < 3 ORDER BY n_name
