/**
 * One accessor per Arrow vector family (integral, floating, decimal, string, binary, date,
 * timestamp, time, intervals, list, map, struct, variant), chosen once per column from its Spark
 * type by {@link dev.sparkjdbc.jdbc.result.accessor.ColumnAccessors}. The base class refuses every
 * getter with a conversion error; each family overrides exactly the conversions JDBC allows for its
 * type, so a {@code ResultSet} getter is one line that delegates. Uses {@code errors}.
 */
package dev.sparkjdbc.jdbc.result.accessor;
