-- Spark reads 100. as DECIMAL(3,0); the translator sends INT 100
SELECT 100. AS no_fraction_digits, 7. / 2 AS halved
