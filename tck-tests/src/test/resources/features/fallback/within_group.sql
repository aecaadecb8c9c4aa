-- WITHIN GROUP: a Connect function call carries no ordering, so this goes as text
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n_nationkey) AS p,
       listagg(n_name, ',') WITHIN GROUP (ORDER BY n_name) AS names
FROM tpch.nation
