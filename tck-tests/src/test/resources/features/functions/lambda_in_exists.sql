-- exists(array, lambda) is the higher-order function, not the EXISTS predicate
SELECT exists(array(1, 2, 3), x -> x > 2) AS e
