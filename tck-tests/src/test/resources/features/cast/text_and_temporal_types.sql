SELECT CAST(n_nationkey AS STRING) AS s, CAST(n_name AS VARCHAR(5)) AS v, CAST(n_regionkey AS CHAR(3)) AS c,
       CAST('2024-01-31' AS DATE) AS d, CAST(DATE '2024-01-31' AS TIMESTAMP) AS ts,
       CAST('2024-01-31 10:11:12' AS TIMESTAMP) AS parsed_ts, CAST(CAST(DATE '1995-03-01' AS STRING) AS DATE) AS round_trip
FROM tpch.nation ORDER BY n_nationkey
