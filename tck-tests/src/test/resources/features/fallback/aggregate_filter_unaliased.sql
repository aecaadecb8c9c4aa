-- an unaliased FILTER aggregate: its label is Spark's to write, so it goes as text
SELECT count(*) FILTER (WHERE n_nationkey > 10) FROM tpch.nation
