SELECT n_name,
       n_name LIKE '%AN' OR n_name LIKE '%IA' AS ends_an_ia,
       n_name LIKE 'A_%' AS starts_a,
       NOT (substr(n_name, 1, 1) BETWEEN 'A' AND 'F') AS not_a_to_f,
       n_name = 'CHIN.' AS literal_dot,
       true AS dot_itself,
       true AS escaped_percent,
       true AS repeated,
       CAST(NULL AS BOOLEAN) AS null_value
FROM tpch.nation
ORDER BY n_name
