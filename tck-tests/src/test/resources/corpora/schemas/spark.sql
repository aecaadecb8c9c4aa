-- The small fixed schema of the Spark-syntax corpus (corpora/spark/*.sql), created in schema
-- `sparkcorpus` by SparkSyntaxCorpusTest: views over VALUES (no Spark job to create them). Each
-- statement ends with a semicolon at the end of a line. emp.id, dept.dept and sales.id are unique:
-- statements that sort end their ORDER BY with one of them, so that ties cannot reorder rows.
CREATE VIEW sparkcorpus.emp AS SELECT * FROM VALUES
  (1, 'Ann', 'eng', CAST(120000.00 AS DECIMAL(10,2)), DATE'2020-01-15', CAST(NULL AS INT), CAST(1000.5 AS DOUBLE), array('a', 'b'), map('lvl', '3'), named_struct('city', 'Oslo', 'zip', '0150')),
  (2, 'Bob', 'eng', 95000.00, DATE'2021-03-01', 1, NULL, array('b'), map('lvl', '2', 'remote', 'y'), named_struct('city', 'Bergen', 'zip', '5003')),
  (3, 'Cy', 'ops', 70000.00, DATE'2019-07-30', 1, 250.0, array(), map(), named_struct('city', 'Oslo', 'zip', '0151')),
  (4, 'Di', NULL, NULL, NULL, 2, NULL, NULL, NULL, NULL),
  (5, 'Eve', 'sales', 88000.50, DATE'2022-11-11', 1, 500.25, array('c', 'a', 'c'), map('lvl', '1'), named_struct('city', CAST(NULL AS STRING), 'zip', '9000')),
  (6, 'Fay', 'ops', 70000.00, DATE'2018-02-28', 3, 0.0, array('a'), map('lvl', '2'), named_struct('city', 'Tromsø', 'zip', '9008'))
  AS v(id, name, dept, salary, hired, manager, bonus, tags, props, addr);
CREATE VIEW sparkcorpus.dept AS SELECT * FROM VALUES
  ('eng', 3, CAST(1000000 AS BIGINT)), ('ops', 1, 250000), ('sales', 2, NULL), ('hr', 4, 50000)
  AS v(dept, floor, budget);
CREATE VIEW sparkcorpus.sales AS SELECT * FROM VALUES
  (1, 2, DATE'2024-01-05', TIMESTAMP'2024-01-05 09:30:00', CAST(100.00 AS DECIMAL(10,2)), 1, 'pen'),
  (2, 2, DATE'2024-01-06', TIMESTAMP'2024-01-06 17:45:10.25', 250.50, 3, 'ink'),
  (3, 5, DATE'2024-02-10', TIMESTAMP'2024-02-10 12:00:00', 75.25, 2, 'pen'),
  (4, 5, DATE'2024-02-29', TIMESTAMP'2024-02-29 23:59:59', NULL, 5, 'pad'),
  (5, NULL, DATE'2024-03-01', TIMESTAMP'2024-03-01 00:00:00', 10.00, NULL, NULL),
  (6, 6, DATE'2023-12-31', TIMESTAMP'2023-12-31 08:00:00', 500.00, 10, 'ink')
  AS v(id, emp_id, day, ts, amount, qty, product);
