-- standard SQL's LOCALTIMESTAMP and LOCALTIME, which Spark's parser reads as column names
SELECT localtimestamp IS NOT NULL AS ts_known, typeof(LOCALTIMESTAMP) AS ts_type,
       typeof(localtime) AS t_type, localtimestamp <= localtimestamp() AS not_later
