-- with back-tick identifiers (Spark's default) a double-quoted run is a string, escapes included
SELECT "abc" AS a, "say \"hi\"" AS b, "it's" AS c, upper("x") AS d
