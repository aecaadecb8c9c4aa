-- Common table expressions. Case ids are <file>:<n>, the statement's position: append new statements at the end.
WITH c AS (SELECT id, dept FROM emp) SELECT * FROM c ORDER BY id;
WITH c (x, y) AS (SELECT id, dept FROM emp) SELECT x, y FROM c ORDER BY x;
WITH c AS (SELECT id FROM emp), d AS (SELECT id FROM c WHERE id > 2) SELECT * FROM d ORDER BY id;
WITH c AS (SELECT 1 AS a) SELECT * FROM c UNION ALL SELECT * FROM c;
WITH emp AS (SELECT 42 AS id) SELECT id FROM emp;
WITH c AS (WITH d AS (SELECT 2 AS n) SELECT n * 3 AS n FROM d) SELECT n FROM c;
WITH c AS (SELECT id FROM emp) SELECT id FROM emp WHERE id IN (SELECT id + 1 FROM c) ORDER BY id;
WITH c AS (SELECT dept, count(*) AS n FROM emp GROUP BY dept) SELECT l.dept, l.n FROM c l JOIN c r ON l.dept = r.dept ORDER BY l.dept;
WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT sum(n) FROM r;
WITH c AS (SELECT * FROM emp) SELECT count(*) FROM c WHERE dept = 'eng';
WITH Cte AS (SELECT 1 AS one) SELECT * FROM CTE;
SELECT * FROM (WITH c AS (SELECT 5 AS v) SELECT v FROM c);
WITH c AS (SELECT id FROM emp ORDER BY id DESC LIMIT 2) SELECT * FROM c ORDER BY id;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b;
WITH c AS (SELECT 1 AS x) SELECT (SELECT max(x) FROM c) AS m;
