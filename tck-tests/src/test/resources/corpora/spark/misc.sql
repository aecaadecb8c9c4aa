-- Mixed shapes: comments, quoting, parameters-free escapes, deep nesting. Case ids are <file>:<n>, the statement's position: append new statements at the end.
/* leading comment */ SELECT 1 /* inner */ + 1 -- trailing
;
SELECT `id`, `e`.`name` FROM emp AS `e` ORDER BY `id`;
SELECT id AS `weird name`, name AS `a``b` FROM emp ORDER BY 1;
select id from emp where id < 3 order by id desc;
SELECT
  id,
  name
FROM
  emp
WHERE
  id = 2;
SELECT sum(x) FROM (SELECT id AS x FROM (SELECT id FROM (SELECT id FROM emp)));
SELECT abs(-1), ceil(1.2), ceiling(1.2), floor(-1.2), round(2.5), round(-2.5), bround(2.5), round(1.2345, 2);
SELECT sqrt(16), power(2, 10), pow(2, 0.5), exp(1), ln(10), log(10, 100), log10(1000), log2(8);
SELECT sign(-3), signum(2.5), mod(10, 3), pmod(-10, 3), 10 DIV 3, -7 % 3;
SELECT pi(), e(), degrees(pi()), radians(180), sin(0), cos(0), tan(0), atan2(1, 1);
SELECT greatest(1, 2.5, 3), least('b', 'a'), width_bucket(5.3, 0.2, 10.6, 5);
SELECT factorial(5), bin(10), conv('ff', 16, 10), hex(255);
SELECT id, salary / 3, salary * 1.1, salary DIV 1000 FROM emp ORDER BY id;
SELECT 7 / 2, 7 DIV 2, 7.0 / 2, -7 / 2;
SELECT try_add(2147483647, 1), try_divide(1, 0), try_multiply(2, 3);
SELECT typeof(1), typeof(1L), typeof(1.5), typeof(1.5D), typeof('a'), typeof(DATE '2024-01-01'), typeof(array(1));
SELECT current_database() = current_schema(), current_catalog();
SELECT version() IS NOT NULL;
SELECT hash(1, 'a'), xxhash64('a'), crc32('a');
SELECT id, name FROM emp WHERE id IN (1, 2, 3) AND name IS NOT NULL AND dept IN ('eng') ORDER BY id;
SELECT 1 AS x, 2 AS x;
SELECT id, id FROM emp ORDER BY 1;
SELECT * FROM emp e JOIN emp f ON e.id = f.manager ORDER BY e.id, f.id;
SELECT e.* , f.name FROM emp e LEFT JOIN emp f ON e.manager = f.id ORDER BY e.id;
SELECT 'semi;colon', 'dash--dash', 'slash/*star*/';
SELECT {fn UCASE('abc')}, {d '2024-01-31'}, {ts '2024-01-31 12:30:00'};
SELECT id FROM emp ORDER BY id OFFSET 2 ROWS FETCH NEXT 2 ROWS ONLY;
SELECT id FROM emp ORDER BY id FETCH FIRST 3 ROWS ONLY;
SELECT name FROM emp WHERE name LIKE 'A%' {escape '\'} ORDER BY name;
SELECT {fn CONCAT(name, dept)}, {fn IFNULL(dept, 'x')} FROM emp ORDER BY id;
SELECT * FROM {oj emp e LEFT OUTER JOIN dept d ON e.dept = d.dept} ORDER BY e.id;
SELECT id, name FROM emp WHERE id = 1
UNION ALL
SELECT id, name FROM emp WHERE id = 2
ORDER BY id;
SELECT 1;;
