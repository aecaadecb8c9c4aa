SELECT t.*, u.x, r.r_name FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three')) AS t(id, name)
JOIN (VALUES 1, 3, 5) AS u(x) ON t.id = u.x
JOIN tpch.region r ON r.r_regionkey = t.id
ORDER BY t.id
