-- datediff(unit, start, end) is Spark's TimestampDiff syntax: it goes as text
SELECT datediff(DAY, DATE '2024-01-01', DATE '2024-03-01') AS d, dateadd(MONTH, 1, DATE '2024-01-31') AS e
