-- Spark's any(boolean) aggregate: ANY is reserved in Calcite, the Spark grammar reads any( as a call
SELECT any(l_quantity > 49) AS a FROM tpch.lineitem
