-- explode's column is named col
SELECT * FROM explode(array('a', 'b'))
