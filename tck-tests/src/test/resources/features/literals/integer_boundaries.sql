-- INT, BIGINT and DECIMAL literals on both sides of each boundary
SELECT 2147483647 AS int_max, -2147483648 AS int_min, 2147483648 AS bigint_above_int,
       -2147483649 AS bigint_below_int, 9223372036854775807 AS bigint_max,
       -9223372036854775808 AS bigint_min, 9223372036854775808 AS decimal_above_bigint,
       0 AS zero, -0 AS minus_zero
