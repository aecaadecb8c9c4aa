SELECT x.a, x.b FROM tpch.region AS x(a, b, c) ORDER BY x.a
