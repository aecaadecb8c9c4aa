-- lambda results are aliased: Spark names lambda variables differently on the two paths
SELECT transform(array(1, 2, 3), x -> x * 10) AS t, filter(array(1, 2, 3, 4), x -> x % 2 = 0) AS f,
       aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x) AS agg, forall(array(1, 2), x -> x > 0) AS all_positive,
       transform(array(10, 20, 30), (x, i) -> x + i) AS with_index,
       transform(array(array(1, 2), array(3)), a -> transform(a, y -> y * 2)) AS nested
