SELECT 0.1 AS a, 123.456 AS b, -0.001 AS c, 12345678901234567890.123456789 AS d,
       99999999999999999999999999999999999999 AS e, 0.00000000000000000000000000000000000001 AS f,
       1.50 AS trailing_zero, .5 AS leading_dot,
       1e3 AS dbl, 1.5E-2 AS dbl_negative_exponent, -2.5e10 AS dbl_negative, 1e3 * 2 AS dbl_times_int,
       0.5e1 + 1 AS dbl_plus_int, 1 = 1.0 AS int_eq_decimal, 2 > 1e0 AS int_gt_double
