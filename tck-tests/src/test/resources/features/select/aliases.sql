/* a block comment */ SELECT n_nationkey AS id, n_name name, -- a line comment
       n_regionkey + 1 AS `next region`, n_comment AS `select`, n_nationkey AS `we``ird` /* inline */
FROM tpch.nation
ORDER BY id
