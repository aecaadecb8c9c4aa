SELECT a FROM t ;  ;
