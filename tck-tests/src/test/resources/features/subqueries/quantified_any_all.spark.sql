-- The same answers by the standard's definitions, written with counts and extremes
SELECT v,
       CASE WHEN v > (SELECT min(w) FROM (VALUES (1), (3), (NULL)) AS s(w)) THEN true
            ELSE NULL END AS gt_any,
       CASE WHEN v <= (SELECT max(w) FROM (VALUES (1), (3), (NULL)) AS s(w)) THEN false
            ELSE NULL END AS gt_all,
       CASE WHEN v IN (1, 3) THEN true ELSE NULL END AS eq_any,
       CASE WHEN v IN (1, 3) THEN false ELSE NULL END AS ne_all,
       CASE WHEN v IS NULL THEN NULL ELSE v >= 3 END AS ge_all,
       false AS lt_any_empty,
       true AS lt_all_empty,
       CASE WHEN v IS NULL THEN NULL ELSE v <> 3 END AS ne_any,
       CASE WHEN v <= 2 THEN true ELSE NULL END AS le_any_list
FROM (VALUES (0), (1), (2), (3), (4), (NULL)) AS t(v)
ORDER BY v
