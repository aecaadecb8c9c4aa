-- Spark names unaliased literals after their text: the translated plan must name them alike
SELECT 1, 'a', 1.5, TRUE, NULL, 2147483648, 1e3, DATE '2024-01-31', -7, INTERVAL '3' DAY
