-- error: PARSE_SYNTAX_ERROR
-- FETCH … WITH TIES: neither Spark's parser nor the translator's reads it
SELECT n_name FROM tpch.nation ORDER BY n_regionkey FETCH FIRST 2 ROWS WITH TIES
