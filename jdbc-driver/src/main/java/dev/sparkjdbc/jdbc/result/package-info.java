/**
 * Rows: the {@code ResultSet} (a forward-only cursor holding one Arrow batch), its {@code
 * ResultSetMetaData}, the Arrow IPC decoding ({@link dev.sparkjdbc.jdbc.result.ArrowRows}) and rows
 * the driver holds itself ({@link dev.sparkjdbc.jdbc.result.JavaRows}: metadata, array elements).
 * Getters check position and nulls, then delegate to the column's accessor. Uses {@code errors},
 * {@code client} (where the chunks come from) and {@code result.accessor}.
 */
package dev.sparkjdbc.jdbc.result;
