SELECT localtimestamp() IS NOT NULL AS ts_known, typeof(localtimestamp()) AS ts_type,
       typeof(current_time()) AS t_type, localtimestamp() <= localtimestamp() AS not_later
