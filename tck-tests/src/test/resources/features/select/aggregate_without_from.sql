-- aggregates in a SELECT without FROM run over Spark's one-row relation
SELECT count(*), max(1), sum(2) AS s
