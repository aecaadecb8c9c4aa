-- TIMESTAMP literals are aliased: a known label difference (translated as CAST(text AS TIMESTAMP))
SELECT DATE '2024-02-29' AS leap_day, DATE '1970-01-01' AS epoch, DATE '1900-01-01' AS old,
       DATE '9999-12-31' AS last_day, TIMESTAMP '2024-01-31 12:34:56' AS ts,
       TIMESTAMP '2024-01-31 12:34:56.789' AS ts_millis, TIMESTAMP '1970-01-01 00:00:00' AS ts_epoch,
       CAST(TIMESTAMP '2024-01-31 23:59:59' AS DATE) AS ts_date
