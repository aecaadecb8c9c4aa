SELECT TRY_CAST('12' AS INT) AS ok, TRY_CAST('x' AS INT) AS bad, TRY_CAST('1.5' AS DECIMAL(4,2)) AS dec,
       TRY_CAST('2024-13-01' AS DATE) AS bad_date, TRY_CAST(n_name AS DOUBLE) AS name_as_double,
       TRY_CAST('9999999999' AS INT) AS overflow, TRY_CAST('2024-01-31' AS TIMESTAMP) AS ts
FROM tpch.nation WHERE n_nationkey < 3 ORDER BY n_nationkey
