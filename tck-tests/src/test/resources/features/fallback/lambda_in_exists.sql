-- EXISTS is a keyword to Calcite: Spark's exists(array, lambda) does not parse
SELECT exists(array(1, 2, 3), x -> x > 2) AS e
