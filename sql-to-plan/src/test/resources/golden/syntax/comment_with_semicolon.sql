SELECT a FROM t -- done;
