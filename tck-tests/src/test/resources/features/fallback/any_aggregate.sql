-- ANY is a keyword to Calcite: Spark's any(boolean) aggregate does not parse (some() and every() do)
SELECT any(l_quantity > 49) AS a FROM tpch.lineitem
