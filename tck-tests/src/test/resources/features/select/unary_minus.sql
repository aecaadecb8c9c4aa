-- Known label difference: Spark's parser labels -x "(- x)", a translated plan "negative(x)";
-- the columns are aliased so that the values and types are compared.
SELECT -n_nationkey AS neg_key, -(n_regionkey + 1) AS neg_region FROM tpch.nation ORDER BY n_nationkey
