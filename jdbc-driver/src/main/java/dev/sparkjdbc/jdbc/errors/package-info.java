/**
 * The bottom of the driver: every SQLSTATE it reports ({@link dev.sparkjdbc.jdbc.errors.SqlState}),
 * the exceptions it builds ({@link dev.sparkjdbc.jdbc.errors.SqlErrors}) and {@code
 * java.sql.Wrapper} for its classes. Uses no other package of the driver.
 */
package dev.sparkjdbc.jdbc.errors;
