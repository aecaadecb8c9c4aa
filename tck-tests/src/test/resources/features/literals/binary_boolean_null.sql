-- byte[] compares by identity through getObject, so binary values are shown as text
SELECT hex(X'CAFEBABE') AS h, length(X'00FF') AS n, X'CAFE' = X'CAFE' AS same, hex(X'') AS empty,
       base64(X'414243') AS b64, TRUE AS t, FALSE AS f, NULL AS n0, CAST(NULL AS INT) AS null_int,
       NOT TRUE AS not_true, TRUE AND NULL AS true_and_null, FALSE OR NULL AS false_or_null,
       NULL IS NULL AS null_is_null
