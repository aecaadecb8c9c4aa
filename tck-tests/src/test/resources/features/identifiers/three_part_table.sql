-- a three-part table name, columns qualified with the table name and with schema.table
SELECT region.r_name, tpch.region.r_regionkey FROM spark_catalog.tpch.region ORDER BY region.r_regionkey
