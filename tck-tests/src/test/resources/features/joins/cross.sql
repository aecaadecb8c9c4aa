-- SELECT * over a self join: both sides' columns, with the same names
SELECT * FROM tpch.region a CROSS JOIN tpch.region b
WHERE a.r_regionkey <= b.r_regionkey
ORDER BY a.r_regionkey, b.r_regionkey
