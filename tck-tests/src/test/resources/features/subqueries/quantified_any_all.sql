-- x op ANY / ALL (subquery) with the standard's meaning: NULLs in the subquery, a NULL x, an
-- empty subquery (ANY false, ALL true)
SELECT v,
       v > ANY (SELECT w FROM (VALUES (1), (3), (NULL)) AS s(w)) AS gt_any,
       v > ALL (SELECT w FROM (VALUES (1), (3), (NULL)) AS s(w)) AS gt_all,
       v = ANY (SELECT w FROM (VALUES (1), (3), (NULL)) AS s(w)) AS eq_any,
       v <> ALL (SELECT w FROM (VALUES (1), (3), (NULL)) AS s(w)) AS ne_all,
       v >= ALL (SELECT w FROM (VALUES (1), (3)) AS s(w)) AS ge_all,
       v < ANY (SELECT w FROM (VALUES (1)) AS s(w) WHERE w > 5) AS lt_any_empty,
       v < ALL (SELECT w FROM (VALUES (1)) AS s(w) WHERE w > 5) AS lt_all_empty,
       v <> ANY (SELECT w FROM (VALUES (3), (3)) AS s(w)) AS ne_any,
       v <= ANY (2, NULL) AS le_any_list
FROM (VALUES (0), (1), (2), (3), (4), (NULL)) AS t(v)
ORDER BY v
