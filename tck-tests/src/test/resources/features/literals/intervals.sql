SELECT INTERVAL '3' DAY AS days, INTERVAL '2' MONTH AS months, INTERVAL '1' YEAR AS years,
       INTERVAL '1-6' YEAR TO MONTH AS year_month, INTERVAL '10' HOUR AS hours,
       INTERVAL '30' MINUTE AS minutes, INTERVAL '1 02:03:04' DAY TO SECOND AS day_second,
       INTERVAL '1.5' SECOND AS fractional_second, INTERVAL -'2' DAY AS negative_days,
       INTERVAL '1' DAY * 3 AS three_days, -INTERVAL '1' DAY AS minus_day,
       INTERVAL '1-2' YEAR TO MONTH * 2 AS twice_year_month
