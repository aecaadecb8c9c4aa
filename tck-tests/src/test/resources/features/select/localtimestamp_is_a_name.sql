-- error: UNRESOLVED_COLUMN.WITHOUT_SUGGESTION
-- Spark reads LOCALTIMESTAMP without parentheses as a column name, and so does the translation
SELECT localtimestamp
