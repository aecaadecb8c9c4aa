-- a table function joined with a table
SELECT n.n_name, r.id FROM tpch.nation n JOIN range(3) r ON n.n_nationkey = r.id ORDER BY r.id
