SELECT a, count(*) FROM t GROUP BY a ORDER BY count(*) DESC
