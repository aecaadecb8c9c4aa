SELECT `n_name`, `N`.`N_RegionKey`, N_NATIONKEY FROM `tpch`.`NATION` AS `N` ORDER BY n.n_nationkey
