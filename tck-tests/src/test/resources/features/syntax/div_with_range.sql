-- DIV (integral division) over Spark's range table function, called without TABLE(…)
SELECT abs(id - 5), id DIV 2 FROM range(3)
