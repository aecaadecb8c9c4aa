SELECT {fn ABS(-3)} AS a, {fn MOD(17, 5)} AS m, {fn FLOOR(2.5)} AS f, {fn CEILING(2.5)} AS c,
       {fn POWER(2, 10)} AS p, {fn IFNULL(NULL, 'dflt')} AS i, {fn ROUND(2.567, 1)} AS r,
       {fn SIGN(-2)} AS sg, {fn SQRT(16)} AS sq, {fn PI()} AS pi, {fn LOG10(1000)} AS l10, {fn EXP(0)} AS e,
       {fn DEGREES({fn PI()})} AS deg, {fn USER()} = current_user() AS usr, {fn DATABASE()} AS db
