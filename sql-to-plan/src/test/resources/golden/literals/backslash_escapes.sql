SELECT 'a\nb', 'C:\\dir', 'a\_b', '\u0041'
