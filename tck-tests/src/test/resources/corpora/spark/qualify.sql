-- QUALIFY. Case ids are <file>:<n>, the statement's position: append new statements at the end.
SELECT id, dept FROM emp QUALIFY row_number() OVER (PARTITION BY dept ORDER BY id) = 1 ORDER BY id;
SELECT id, dept, rank() OVER (ORDER BY salary DESC) AS r FROM emp QUALIFY r <= 2 ORDER BY id;
SELECT dept, sum(salary) AS s FROM emp GROUP BY dept QUALIFY rank() OVER (ORDER BY sum(salary) DESC) = 1;
SELECT id FROM emp WHERE id > 1 QUALIFY count(*) OVER (PARTITION BY dept) > 1 ORDER BY id;
SELECT id FROM emp QUALIFY id > 2;
