-- The tables the golden statements of sql-to-plan name (sql-to-plan/src/test/resources/golden),
-- created in schema `golden` (and `db` for the qualified ones) by GoldenCorpusTest. Each
-- statement ends with a semicolon at the end of a line. Columns are the names the statements use;
-- where statements use one name with different types (a as a number, a string, an array), the
-- most common use wins and the others fail on both paths alike. Unique values in b, c and d keep
-- ORDER BY on them free of ties. Views over VALUES cost no Spark job to create; names Spark
-- refuses for tables (`my table`, `t``x`) are left out, so those statements fail on both paths.
CREATE VIEW golden.t AS SELECT * FROM VALUES
  (1, 2, 3, DATE'2024-01-01', 5, 0, 1, 10, 1, true, 'abc', TIMESTAMP'2024-01-01 10:00:00', true, array(1, 2, 3), map('k', 1), 1, 7, 8),
  (2, 1, 0, DATE'2024-02-29', -1, 1, 2, 20, 2, false, 'xyz', TIMESTAMP'2024-02-29 23:59:59.5', false, array(4), map('k', 2, 'j', 3), 2, 6, 5),
  (2, NULL, 5, NULL, 0, 2, 1, 30, 3, NULL, 'a_b', NULL, NULL, array(), map(), 3, 5, 4),
  (-3, 4, -2, DATE'2023-12-31', 2, 0, 3, NULL, 4, true, 'x!_z', TIMESTAMP'2023-12-31 00:00:00', true, NULL, NULL, 4, NULL, 3),
  (NULL, 6, 1, DATE'1969-12-31', 1, 1, 2, 40, 5, false, NULL, TIMESTAMP'1969-12-31 12:30:00', false, array(NULL, 5), map('k', NULL), 5, 3, 2),
  (0, 3, 10, DATE'2024-01-15', 3, 2, 1, 50, 6, true, 'Ab', TIMESTAMP'2024-01-15 08:15:00', true, array(7, 8), map('j', 9), 6, 2, 1)
  AS v(a, b, c, d, e, i, k, v, x, y, s, ts, flag, arr, m, id, `größe`, `ä`);
CREATE VIEW golden.u AS SELECT * FROM VALUES
  (1, 1, 3, 4, 1), (2, 2, 0, 1, 2), (5, NULL, 5, 6, 3), (NULL, 3, NULL, 2, 4)
  AS v(a, b, c, d, id);
CREATE VIEW golden.v AS SELECT * FROM VALUES
  (2, 1, 3), (7, 2, 0), (NULL, 3, 5)
  AS v(a, b, c);
CREATE VIEW golden.a AS SELECT * FROM VALUES
  (1, 1, 10, 100, DATE'2024-01-05'), (2, 1, 20, 200, DATE'2024-01-15'), (3, 2, NULL, 300, DATE'2024-01-25')
  AS v(id, k, v, x, d);
CREATE VIEW golden.b AS SELECT * FROM VALUES
  (1, 1, 5, 11, DATE'2024-01-01', DATE'2024-01-10'), (2, 2, -1, 22, DATE'2024-01-10', DATE'2024-01-20'), (4, 1, 7, 44, DATE'2024-01-20', DATE'2024-01-30')
  AS v(id, k, v, y, s, e);
CREATE VIEW golden.c AS SELECT * FROM VALUES
  (1, 10, 7), (2, 30, 8), (5, 20, 9)
  AS v(id, v, z);
CREATE VIEW golden.x AS SELECT * FROM VALUES
  (1, 1), (2, 2)
  AS v(id, b);
CREATE VIEW golden.y AS SELECT * FROM VALUES
  (1, 10), (3, 30)
  AS v(id, b);
CREATE VIEW golden.emp AS SELECT * FROM VALUES
  (1, 'ann', NULL), (2, 'bob', 1), (3, 'cy', 1), (4, 'di', 2)
  AS v(id, name, manager);
CREATE VIEW golden.t_1 AS SELECT * FROM VALUES
  (1, 2), (3, 4)
  AS v(_a, a_1);
CREATE VIEW golden.`table` AS SELECT * FROM VALUES
  (1, 2)
  AS v(`select`, `from`);
CREATE VIEW golden.SomeTable AS SELECT * FROM VALUES
  (1), (2)
  AS v(MixedCase);
CREATE VIEW db.t AS SELECT * FROM VALUES
  (1, 10), (2, 20)
  AS v(a, `a.b`);
