-- Spark's TIMESTAMP_NTZ and TIMESTAMP_LTZ literals, labelled as Spark labels them
SELECT TIMESTAMP_NTZ '2024-02-29 10:11:12.123456', TIMESTAMP_LTZ '2024-02-29 10:11:12',
       TIMESTAMP_NTZ '2024-02-29' AS midnight, n_name
FROM tpch.nation WHERE n_nationkey = 1
