-- leading comment
SELECT a -- trailing
FROM t