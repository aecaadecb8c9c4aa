-- Spark's INTERVAL 60 DAYS (a number before the unit) in date and timestamp arithmetic; unaliased,
-- so that the labels Spark gives compare too
SELECT CAST('2000-02-01' AS DATE) + INTERVAL 60 DAYS,
       DATE '2000-01-31' + INTERVAL 1 MONTHS,
       DATE '2000-01-31' - INTERVAL 2 YEARS,
       TIMESTAMP '2000-01-01 00:00:00' - INTERVAL 90 MINUTES,
       TIMESTAMP '2000-01-01 00:00:00' + INTERVAL 3 HOURS,
       INTERVAL 1.5 SECONDS, INTERVAL -2 DAY, INTERVAL '1' DAY
