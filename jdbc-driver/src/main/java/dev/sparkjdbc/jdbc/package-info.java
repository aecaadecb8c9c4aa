/**
 * The driver as applications see it: {@link dev.sparkjdbc.jdbc.SparkConnectDriver}, the data
 * sources, and the {@code Connection}, {@code Statement} and {@code PreparedStatement} that tie the
 * stages below together (SQL text and parameters → plan → server operation → rows). Also the few
 * types users unwrap to or implement: {@link dev.sparkjdbc.jdbc.SparkConnectStatementInfo}, {@link
 * dev.sparkjdbc.jdbc.SparkConnectProgressListener} and {@link
 * dev.sparkjdbc.jdbc.DriverDiagnostics}.
 *
 * <p>May use every package below it. Every class named in the documentation lives here; the
 * sub-packages are the driver's internals, public only because Java packages need it.
 */
package dev.sparkjdbc.jdbc;
