/**
 * The one table of Spark types and JDBC types, shared by the translator and the driver: Spark's
 * type names both ways ({@link dev.sparkjdbc.types.SparkTypeNames}) and what {@code
 * ResultSetMetaData} says about a column of each Spark type ({@link
 * dev.sparkjdbc.types.ColumnType}). docs/types.md is checked against it.
 */
package dev.sparkjdbc.types;
