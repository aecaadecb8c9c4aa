-- set: spark.sql.ansi.doubleQuotedIdentifiers=true
-- the session reads "n_name" as a column name: that goes as text
SELECT "n_name" AS name FROM tpch.nation ORDER BY name
