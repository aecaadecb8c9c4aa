SELECT s FROM t WHERE s LIKE 'a\_%' {escape '\'}
