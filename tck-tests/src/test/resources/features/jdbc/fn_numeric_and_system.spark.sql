SELECT abs(-3) AS a, mod(17, 5) AS m, floor(2.5) AS f, ceiling(2.5) AS c,
       power(2, 10) AS p, ifnull(NULL, 'dflt') AS i, round(2.567, 1) AS r,
       sign(-2) AS sg, sqrt(16) AS sq, pi() AS pi, log10(1000) AS l10, exp(0) AS e,
       degrees(pi()) AS deg, current_user() = current_user() AS usr, current_database() AS db
